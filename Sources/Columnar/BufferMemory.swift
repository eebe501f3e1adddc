#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where the bytes of owned column buffers come from.
///
/// Small blocks come from the allocator. Large blocks (columns of millions of rows) are mapped
/// directly and marked for transparent huge pages: a fresh 80 MB column otherwise costs ~20,000
/// page faults. Where the kernel offers no huge pages the mapping simply stays on 4 KB pages.
///
/// Zero-filling fresh pages is then still the largest cost of whole-column operators (`where`,
/// `extend`, `join` each write new columns), so freed large blocks are kept in a small cache and
/// handed to the next request that fits, like a malloc arena would for small blocks. The cache
/// holds at most `cacheLimit` bytes; blocks beyond it are unmapped at once.
enum BufferMemory {
    /// Blocks at least this large are mapped rather than allocated.
    static let mappedThreshold = 4 << 20
    static let hugePage = 2 << 20
    /// Most bytes of freed mapped blocks kept for reuse.
    static let cacheLimit = 256 << 20

    /// An allocated block; `mappedLength` is 0 for allocator memory, else the length of its mapping.
    struct Block {
        var pointer: UnsafeMutableRawPointer
        var mappedLength: Int
    }

    private struct Cache: ~Copyable {
        var blocks: [(address: Int, length: Int)] = []
        var bytes = 0
    }
    private static let cache = Mutex(Cache())

    /// A block of at least `byteCount` bytes aligned to `DataBuffer.alignment`.
    static func allocate(byteCount: Int, zeroed: Bool) -> Block {
        let size = max(byteCount, 1)
        #if canImport(Glibc)
        if size >= mappedThreshold {
            let length = mappedLength(size)
            if let reused = takeCached(length) {
                if zeroed { reused.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: size) }
                return reused
            }
            if let p = map(length) { return Block(pointer: p, mappedLength: length) }
        }
        #endif
        let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: DataBuffer.alignment)
        if zeroed { p.initializeMemory(as: UInt8.self, repeating: 0, count: size) }
        return Block(pointer: p, mappedLength: 0)
    }

    /// Frees a block from `allocate`.
    static func free(_ block: Block) {
        #if canImport(Glibc)
        if block.mappedLength > 0 {
            let kept = cache.withLock { c -> Bool in
                guard c.bytes + block.mappedLength <= cacheLimit else { return false }
                c.blocks.append((Int(bitPattern: block.pointer), block.mappedLength))
                c.bytes += block.mappedLength
                return true
            }
            if !kept { munmap(block.pointer, block.mappedLength) }
            return
        }
        #endif
        block.pointer.deallocate()
    }

    /// The smallest cached block of at least `length` bytes, and at most twice that (a larger one
    /// would hold memory the request does not use).
    private static func takeCached(_ length: Int) -> Block? {
        cache.withLock { c -> Block? in
            var best = -1
            for (i, b) in c.blocks.enumerated() where b.length >= length && b.length <= 2 * length {
                if best < 0 || b.length < c.blocks[best].length { best = i }
            }
            guard best >= 0 else { return nil }
            let b = c.blocks.remove(at: best)
            c.bytes -= b.length
            return Block(pointer: UnsafeMutableRawPointer(bitPattern: b.address)!, mappedLength: b.length)
        }
    }

    private static func mappedLength(_ size: Int) -> Int { (size + hugePage - 1) & ~(hugePage - 1) }

    #if canImport(Glibc)
    /// A huge-page-aligned anonymous mapping of `length` bytes; the slack used to align it is unmapped.
    private static func map(_ length: Int) -> UnsafeMutableRawPointer? {
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
