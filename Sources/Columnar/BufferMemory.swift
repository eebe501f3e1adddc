import Dispatch
import Synchronization
import SystemCalls

/// Where the bytes of owned column buffers come from.
///
/// Small blocks come from the allocator. Large blocks (columns of millions of rows) are mapped
/// directly, each from its own memfd: a `python()` child can then be handed exactly the buffers of
/// its input (an fd each) and view them in place, instead of the engine copying them into shared
/// memory at the plugin boundary. When a memfd cannot be had (fd limit, old kernel) the block is
/// anonymous memory marked for transparent huge pages, and the boundary copies it as before.
///
/// Shared memory gets no huge pages at fault time on most systems (`shmem_enabled=never`), and whole-
/// column scans over 4 KiB pages ran ~12% slower than over anonymous huge pages here; so a background
/// queue asks the kernel to collapse each large block into huge pages (`MADV_COLLAPSE`) shortly after
/// it is filled and again when it returns to the cache, which brings that back.
///
/// Zero-filling fresh pages is the largest cost of whole-column operators (`where`, `extend`,
/// `join` each write new columns), and shared memory is dearer to fault in than anonymous huge
/// pages, so freed large blocks are kept in a cache and handed to the next request that fits, like
/// a malloc arena would for small blocks. The cache holds at most `cacheLimit` bytes; blocks
/// beyond it are unmapped (and their memfds closed) at once.
enum BufferMemory {
    /// Blocks at least this large are mapped rather than allocated.
    static let mappedThreshold = 4 << 20
    static let hugePage = 2 << 20
    /// Most bytes of freed mapped blocks kept for reuse.
    static let cacheLimit = 256 << 20

    /// An allocated block; `mappedLength` is 0 for allocator memory, else the length of its mapping.
    /// `fd` is the memfd behind a shared block (mapped from its offset 0), or -1.
    struct Block {
        var pointer: UnsafeMutableRawPointer
        var mappedLength: Int
        var fd: Int32 = -1
    }

    private struct Cache: ~Copyable {
        var blocks: [(address: Int, length: Int, fd: Int32)] = []
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
                if let shared = mapShared(length) { return shared }
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
                    c.blocks.append((Int(bitPattern: block.pointer), block.mappedLength, block.fd))
                    c.bytes += block.mappedLength
                    return true
                }
                if !kept {
                    unmap(block)
                } else if block.fd >= 0 {
                    collapseInBackground(block)
                }
                return
            }
        #endif
        block.pointer.deallocate()
    }

    private static let collapser = DispatchQueue(label: "sandpiper.buffer-memory.collapse", qos: .background)
    /// Whether freed and fresh shared blocks are collapsed in the background (see ``DataBuffer/collapsesInBackground``).
    static let collapsing = Atomic<Bool>(true)

    /// Asks the kernel to back a cached shared block with huge pages (`MADV_COLLAPSE`, which works
    /// on shared memory even where it gets none at fault time), off the query's path: a block in the
    /// cache is reused again and again, and on 4 KiB pages every whole-column scan over it pays TLB
    /// misses that anonymous huge pages do not. Collapsing preserves the contents, so it is harmless
    /// if the block has meanwhile been handed out again (or even unmapped: the call then just fails).
    /// Addresses of the shared blocks now mapped: a collapse runs only on a block still there (under
    /// the lock, which `unmap` takes too), never on whatever was mapped at its address later.
    private static let mappedShared = Mutex<Set<Int>>([])

    private static func collapseInBackground(_ block: Block, afterMilliseconds delay: Int = 0) {
        guard collapsing.load(ordering: .relaxed) else { return }
        let address = Int(bitPattern: block.pointer), length = block.mappedLength
        collapser.asyncAfter(deadline: .now() + .milliseconds(delay)) {
            mappedShared.withLock { live in
                guard live.contains(address) else { return }
                try? SharedMemory.advise(UnsafeMutableRawPointer(bitPattern: address)!, length, .collapse)
            }
        }
    }

    /// Unmaps a mapped block and closes its memfd.
    private static func unmap(_ block: Block) {
        if block.fd >= 0 {
            mappedShared.withLock { live in
                live.remove(Int(bitPattern: block.pointer))
                SharedMemory.unmap(block.pointer, block.mappedLength)
            }
            SharedMemoryFile.close(block.fd)
        } else {
            SharedMemory.unmap(block.pointer, block.mappedLength)
        }
    }

    /// Shortens a shared block's memfd to the first `byteCount` bytes (whole pages), so that a peer
    /// given the fd sees only this buffer and not what an earlier user of a cached block left past
    /// it. The mapping keeps its length; `takeCached` grows the file back before the block is reused.
    static func trim(_ block: Block, to byteCount: Int) {
        #if canImport(Glibc)
            guard block.fd >= 0 else { return }
            let page = SharedMemory.pageSize
            let size = max(SharedMemory.roundToPage(byteCount), page)
            // The rest of the last page may hold bytes of an earlier user of the block: zero it too.
            if size > byteCount, size <= block.mappedLength {
                (block.pointer + byteCount).initializeMemory(as: UInt8.self, repeating: 0, count: size - byteCount)
            }
            guard size < block.mappedLength else { return }
            try? SharedMemory.truncate(block.fd, size)
        #endif
    }

    /// The smallest cached block of at least `length` bytes, and at most twice that (a larger one
    /// would hold memory the request does not use).
    private static func takeCached(_ length: Int) -> Block? {
        let found = cache.withLock { c -> Block? in
            var best = -1
            for (i, b) in c.blocks.enumerated() where b.length >= length && b.length <= 2 * length {
                if best < 0 || b.length < c.blocks[best].length { best = i }
            }
            guard best >= 0 else { return nil }
            let b = c.blocks.remove(at: best)
            c.bytes -= b.length
            return Block(pointer: UnsafeMutableRawPointer(bitPattern: b.address)!, mappedLength: b.length, fd: b.fd)
        }
        #if canImport(Glibc)
            // A trimmed memfd is grown back to the whole mapping (the cut pages return zeroed).
            if let found, found.fd >= 0 {
                do { try SharedMemory.truncate(found.fd, found.mappedLength) } catch {
                    unmap(found)
                    return nil
                }
            }
        #endif
        return found
    }

    private static func mappedLength(_ size: Int) -> Int { (size + hugePage - 1) & ~(hugePage - 1) }

    #if canImport(Glibc)
        /// A huge-page-aligned anonymous mapping of `length` bytes; the slack used to align it is unmapped.
        private static func map(_ length: Int) -> UnsafeMutableRawPointer? {
            guard let p = try? SharedMemory.mapAnonymous(length, alignment: hugePage) else { return nil }
            try? SharedMemory.advise(p, length, .hugePages)
            return p
        }

        /// A memfd of `length` bytes mapped shared at a huge-page-aligned address, or nil when no memfd
        /// can be created.
        ///
        /// Aligned so that huge pages can back it where the kernel allows them for shared memory
        /// (`shmem_enabled=advise`, or a later `MADV_COLLAPSE`); elsewhere it is on 4 KiB pages, which
        /// costs whole-column scans some TLB misses next to anonymous huge pages.
        private static func mapShared(_ length: Int) -> Block? {
            guard let fd = SharedMemoryFile.create(length: length) else { return nil }
            // Reserve an aligned range (anonymous), then put the memfd over it.
            guard let p = map(length) else { SharedMemoryFile.close(fd); return nil }
            do { try SharedMemory.mapShared(fd, over: p, length) } catch {
                SharedMemory.unmap(p, length)
                SharedMemoryFile.close(fd)
                return nil
            }
            try? SharedMemory.advise(p, length, .hugePages)
            let block = Block(pointer: p, mappedLength: length, fd: fd)
            mappedShared.withLock { _ = $0.insert(Int(bitPattern: p)) }
            // A fresh block is being filled now; by the time it is scanned again its pages are there to collapse.
            collapseInBackground(block, afterMilliseconds: 200)
            return block
        }
    #endif
}

#if canImport(Glibc)
    /// memfd creation for `BufferMemory`, with the one-time raise of the open-file limit that a process
    /// holding one fd per large buffer needs.
    enum SharedMemoryFile {
        /// The most memfds held at once: a quarter of the (raised) open-file limit, so that column
        /// buffers never starve sockets and files of descriptors.
        private static let budget = Descriptors.raiseOpenFileLimit() / 4
        private static let live = Atomic<Int>(0)

        /// A close-on-exec memfd of `length` bytes, or nil (the caller falls back to anonymous memory).
        static func create(length: Int) -> Int32? {
            guard live.add(1, ordering: .relaxed).newValue <= budget else {
                live.subtract(1, ordering: .relaxed)
                return nil
            }
            do {
                let fd = try SharedMemory.createFile("sandpiper-column")
                do { try SharedMemory.truncate(fd, length) } catch { Descriptors.close(fd); throw error }
                return fd
            } catch {
                live.subtract(1, ordering: .relaxed)
                return nil
            }
        }

        /// Closes a memfd from `create`.
        static func close(_ fd: Int32) {
            Descriptors.close(fd)
            live.subtract(1, ordering: .relaxed)
        }
    }
#endif
