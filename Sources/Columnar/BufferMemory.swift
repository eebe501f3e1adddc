#if canImport(Glibc)
import Glibc
#endif

/// Where the bytes of owned column buffers come from.
///
/// Small blocks come from the allocator. Large blocks (columns of millions of rows) are mapped
/// directly and marked for transparent huge pages: a fresh 80 MB column otherwise costs ~20,000
/// page faults, each zero-filling 4 KB, which dominated whole-column operators such as `where` and
/// `extend`. With 2 MB pages the kernel takes ~40 faults for the same column. Where the kernel
/// does not offer huge pages (`madvise` fails or THP is `never`) the mapping simply stays on 4 KB
/// pages. Mapped memory is zero-filled by the kernel, so a zeroed request costs nothing extra.
enum BufferMemory {
    /// Blocks at least this large are mapped rather than allocated.
    static let mappedThreshold = 4 << 20
    static let hugePage = 2 << 20

    /// A block of at least `byteCount` bytes aligned to `DataBuffer.alignment`; `mapped` says how to free it.
    static func allocate(byteCount: Int, zeroed: Bool) -> (pointer: UnsafeMutableRawPointer, mapped: Bool) {
        let size = max(byteCount, 1)
        #if canImport(Glibc)
        if size >= mappedThreshold, let p = map(size) { return (p, true) }
        #endif
        let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: DataBuffer.alignment)
        if zeroed { p.initializeMemory(as: UInt8.self, repeating: 0, count: size) }
        return (p, false)
    }

    /// Frees a block from `allocate` (the same `byteCount`).
    static func free(_ p: UnsafeMutableRawPointer, byteCount: Int, mapped: Bool) {
        #if canImport(Glibc)
        if mapped { munmap(p, mappedLength(max(byteCount, 1))); return }
        #endif
        p.deallocate()
    }

    private static func mappedLength(_ size: Int) -> Int { (size + hugePage - 1) & ~(hugePage - 1) }

    #if canImport(Glibc)
    /// A huge-page-aligned anonymous mapping of `mappedLength(size)` bytes; the slack used to align it is unmapped.
    private static func map(_ size: Int) -> UnsafeMutableRawPointer? {
        let length = mappedLength(size)
        guard let raw = mmap(nil, length + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { return nil }
        let start = Int(bitPattern: raw)
        let aligned = (start + hugePage - 1) & ~(hugePage - 1)
        let head = aligned - start
        if head > 0 { munmap(raw, head) }
        let tail = hugePage - head
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), tail) }
        let p = UnsafeMutableRawPointer(bitPattern: aligned)!
        _ = madvise(p, length, 14 /* MADV_HUGEPAGE */)
        return p
    }
    #endif
}
