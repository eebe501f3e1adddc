import Glibc
import Testing
@testable import SystemCalls

@Suite("Shared memory calls")
struct SharedMemoryTests {
    @Test("a memfd maps shared: what is written through one mapping is read through another and with pread")
    func roundTrip() throws {
        let fd = try SharedMemory.createFile("systemcalls-test")
        defer { Descriptors.close(fd) }
        try SharedMemory.truncate(fd, SharedMemory.pageSize)
        #expect(try SharedMemory.sizes(fd).size == SharedMemory.pageSize)
        let writer = try SharedMemory.map(fd, SharedMemory.pageSize, writable: true)
        defer { SharedMemory.unmap(writer, SharedMemory.pageSize) }
        writer.storeBytes(of: 0x5A, toByteOffset: 100, as: UInt8.self)
        let readOnly = try SharedMemory.reopenReadOnly(fd)
        defer { Descriptors.close(readOnly) }
        let reader = try SharedMemory.map(readOnly, SharedMemory.pageSize, writable: false)
        defer { SharedMemory.unmap(reader, SharedMemory.pageSize) }
        #expect(reader.load(fromByteOffset: 100, as: UInt8.self) == 0x5A)
        var copy = [UInt8](repeating: 0, count: 200)
        let read = try copy.withUnsafeMutableBytes { try Descriptors.read(fd, 200, into: $0.baseAddress!) }
        #expect(read == 200 && copy[100] == 0x5A)
    }

    @Test("a read past the end of the file is short, not an error")
    func shortRead() throws {
        let fd = try SharedMemory.createFile("systemcalls-test")
        defer { Descriptors.close(fd) }
        try SharedMemory.truncate(fd, 10)
        var copy = [UInt8](repeating: 0, count: 64)
        #expect(try copy.withUnsafeMutableBytes { try Descriptors.read(fd, 64, into: $0.baseAddress!) } == 10)
    }

    @Test("a refused call throws the call's name and its errno")
    func errorCarriesErrno() {
        #expect(throws: SystemCallError("ftruncate", errno: EBADF)) { try SharedMemory.truncate(-1, 4096) }
        do { _ = try SharedMemory.sizes(-1) } catch {
            #expect(error.errno == EBADF && error.call == "fstat")
            #expect(error.description.hasPrefix("fstat failed: "))
        }
    }

    @Test("anonymous memory comes at the asked alignment")
    func aligned() throws {
        let length = 2 << 20
        let p = try SharedMemory.mapAnonymous(length, alignment: 2 << 20)
        defer { SharedMemory.unmap(p, length) }
        #expect(Int(bitPattern: p) % (2 << 20) == 0)
        p.storeBytes(of: 1, toByteOffset: length - 1, as: UInt8.self)
    }
}
