#if canImport(Glibc)
    import Glibc

    /// Memory files (memfds) and mappings: the calls behind column buffers and SharedTable regions.
    package enum SharedMemory {
        /// The page size.
        package static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

        /// `n` rounded up to whole pages.
        package static func roundToPage(_ n: Int) -> Int { (n + pageSize - 1) / pageSize * pageSize }

        /// `memfd_create(name, flags)`.
        private typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
        /// glibc declares `memfd_create` only under `_GNU_SOURCE`, which Swift's Glibc module does not set:
        /// the symbol is resolved once instead; nil when this C library has none.
        private static let memfdCreate: MemfdCreate? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else { return nil }
            return unsafeBitCast(symbol, to: MemfdCreate.self)
        }()

        /// A close-on-exec memfd that can never be sealed (without `MFD_ALLOW_SEALING` the kernel sets
        /// `F_SEAL_SEAL` at once): a peer given a writable fd cannot freeze its size or contents for every
        /// later user of the memory.
        package static func createFile(_ name: String) throws(SystemCallError) -> Int32 {
            guard let memfdCreate else { throw SystemCallError("memfd_create", errno: ENOSYS) }
            let fd = memfdCreate(name, 1 /* MFD_CLOEXEC */)
            guard fd >= 0 else { throw .last("memfd_create") }
            return fd
        }

        /// Sets the file's size (`ftruncate`); cut pages are freed, added ones read as zeros.
        package static func truncate(_ fd: Int32, _ size: Int) throws(SystemCallError) {
            while ftruncate(fd, off_t(size)) != 0 {
                if errno != EINTR { throw .last("ftruncate") }
            }
        }

        /// The file's size and the bytes of memory it holds (its holes hold none).
        package static func sizes(_ fd: Int32) throws(SystemCallError) -> (size: Int, allocated: Int) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw .last("fstat") }
            return (Int(st.st_size), Int(st.st_blocks) * 512)
        }

        /// Maps `size` bytes of `fd` from offset 0: shared (writes reach the file) or private (copy on write).
        package static func map(
            _ fd: Int32, _ size: Int, writable: Bool, shared: Bool = true,
            populate: Bool = false
        ) throws(SystemCallError) -> UnsafeMutableRawPointer {
            let prot = writable ? PROT_READ | PROT_WRITE : PROT_READ
            let flags = (shared ? MAP_SHARED : MAP_PRIVATE) | (populate ? MAP_POPULATE : 0)
            guard let p = mmap(nil, size, prot, flags, fd, 0), p != MAP_FAILED else { throw .last("mmap") }
            return p
        }

        /// Anonymous read-write memory of `length` bytes at an address aligned to `alignment` (a power of
        /// two); the slack used to align it is unmapped.
        package static func mapAnonymous(_ length: Int, alignment: Int) throws(SystemCallError)
            -> UnsafeMutableRawPointer
        {
            guard let raw = mmap(nil, length + alignment, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                raw != MAP_FAILED
            else { throw .last("mmap") }
            let start = Int(bitPattern: raw)
            let aligned = (start + alignment - 1) & ~(alignment - 1)
            let head = aligned - start
            if head > 0 { munmap(raw, head) }
            let tail = alignment - head
            if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), tail) }
            return UnsafeMutableRawPointer(bitPattern: aligned)!
        }

        /// Maps `length` bytes of `fd` shared and writable exactly over `address` (`MAP_FIXED`), replacing
        /// what was mapped there.
        package static func mapShared(_ fd: Int32, over address: UnsafeMutableRawPointer, _ length: Int)
            throws(SystemCallError)
        {
            guard mmap(address, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) == address else {
                throw .last("mmap(MAP_FIXED)")
            }
        }

        /// `munmap`; unmapping what was mapped cannot fail.
        package static func unmap(_ p: UnsafeMutableRawPointer, _ size: Int) { _ = munmap(p, size) }

        /// Advice to the kernel about a range of memory.
        package enum Advice: Int32, Sendable {
            /// `MADV_HUGEPAGE`: back it with transparent huge pages where possible.
            case hugePages = 14
            /// `MADV_POPULATE_WRITE`: fault every page in writable now, in one call.
            case populateWrite = 23
            /// `MADV_COLLAPSE`: collapse it into huge pages now (shared memory too).
            case collapse = 25
        }

        /// `madvise`. Advice is a hint: callers that can do without it ignore the error.
        package static func advise(_ p: UnsafeMutableRawPointer, _ length: Int, _ advice: Advice)
            throws(SystemCallError)
        {
            guard madvise(p, length, advice.rawValue) == 0 else { throw .last("madvise(\(advice))") }
        }

        /// A new, read-only open file description of `fd` (a dup would share the write mode).
        package static func reopenReadOnly(_ fd: Int32) throws(SystemCallError) -> Int32 {
            let r = open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
            guard r >= 0 else { throw .last("open(/proc/self/fd)") }
            return r
        }
    }
#endif
