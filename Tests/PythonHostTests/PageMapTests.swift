import Foundation
import Glibc
import SharedTable
import Testing
@testable import PythonHost

/// `PageMap` tells pages of a private file mapping the process wrote from pages that still hold the
/// file's bytes: untouched and read pages count as unmodified, a written page does not.
@Suite struct PageMapTests {
    @Test func aWrittenPageIsModifiedAndTheOthersAreNot() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let region = try SharedRegion.create(capacity: 4 * page)
        let base = try #require(region.base)
        base.initializeMemory(as: UInt8.self, repeating: 7, count: 4 * page)
        let fd = try region.readOnlyDuplicate()
        defer { close(fd) }
        let mapping = try PrivateMapping(fd: fd, length: 4 * page)
        let pages = try #require(PageMap(), "/proc/self/pagemap cannot be read here")
        #expect(pages.unmodified(mapping.base, count: 4 * page))
        // Reading maps the file's own page: still unmodified.
        #expect(mapping.base.load(fromByteOffset: page, as: UInt8.self) == 7)
        #expect(pages.unmodified(mapping.base + page, count: page))
        // Writing one byte of the third page makes that page a private copy.
        mapping.base.storeBytes(of: 9, toByteOffset: 2 * page + 5, as: UInt8.self)
        #expect(!pages.unmodified(mapping.base + 2 * page, count: page))
        #expect(!pages.unmodified(mapping.base, count: 4 * page))
        #expect(pages.unmodified(mapping.base, count: 2 * page))
        #expect(pages.unmodified(mapping.base + 3 * page, count: page))
        #expect(pages.unmodified(mapping.base, count: 0))
    }
}
