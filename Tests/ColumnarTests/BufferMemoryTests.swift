import Foundation
import Testing
@testable import Columnar

/// Large buffers live in memfds a worker can map; the memfd shows only the buffer's own pages.
@Suite struct BufferMemoryTests {
    static func fileSize(_ fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : -1
    }

    @Test func largeBuffersAreInAlignedMemfdsAndSmallOnesAreNot() throws {
        let big = DataBuffer(byteCount: BufferMemory.mappedThreshold + 100)
        let location = try #require(big.sharedLocation())
        #expect(location.offset == 0)
        #expect(Int(bitPattern: big.pointer) % BufferMemory.hugePage == 0)
        #expect(DataBuffer(byteCount: 1000).sharedLocation() == nil)
    }

    @Test func aSharedBlockShowsOnlyItsBufferAndGrowsBackWhenReused() throws {
        // A cached block reused for a smaller buffer must not expose the earlier user's bytes past it.
        let large = 3 * BufferMemory.mappedThreshold
        do {
            let first = DataBuffer(byteCount: large)
            first.typed(UInt8.self, count: large).update(repeating: 0x5A)
        }
        let smaller = large - BufferMemory.hugePage / 2 - 5000
        let second = DataBuffer(byteCount: smaller)
        let location = try #require(second.sharedLocation())
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        #expect(Self.fileSize(location.fd) == (smaller + page - 1) / page * page)
        do { _ = consume second }
        // The next user of the block can write all of it again.
        let third = DataBuffer(byteCount: large, zeroed: true)
        let bytes = third.typed(UInt8.self, count: large)
        #expect(bytes[large - 1] == 0)
        bytes[large - 1] = 1
        #expect(bytes[large - 1] == 1)
    }
}
