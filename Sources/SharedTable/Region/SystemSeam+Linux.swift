import Columnar
#if canImport(Glibc)
import Glibc
#endif

/// Every Linux call the shared-memory layer makes, in one place.
enum SystemSeam {
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    static func roundToPage(_ n: Int) -> Int { (n + pageSize - 1) / pageSize * pageSize }

    static func failure(_ call: String) -> SharedTableError {
        let e = errno
        return SharedTableError(.system(call: call, errno: e), "\(call) failed: \(String(cString: strerror(e)))")
    }

    private static let mfdCloexec: UInt32 = 1

    /// A close-on-exec memfd that can never be sealed (without `MFD_ALLOW_SEALING` the kernel sets
    /// `F_SEAL_SEAL` at once): a peer given a writable fd cannot freeze the size or contents for
    /// every later user of a pooled region.
    static func memfdCreate(_ name: String) throws(SharedTableError) -> Int32 {
        guard let create = SharedMemoryFile.memfdCreate else {
            throw SharedTableError(.system(call: "memfd_create", errno: ENOSYS), "memfd_create is not available in this C library")
        }
        let fd = create(name, mfdCloexec)
        guard fd >= 0 else { throw failure("memfd_create") }
        return fd
    }

    static func truncate(_ fd: Int32, _ size: Int) throws(SharedTableError) {
        while ftruncate(fd, off_t(size)) != 0 {
            if errno != EINTR { throw failure("ftruncate") }
        }
    }

    static func size(_ fd: Int32) throws(SharedTableError) -> Int {
        try sizes(fd).size
    }

    /// The file's size and the bytes of memory it holds (its holes hold none).
    static func sizes(_ fd: Int32) throws(SharedTableError) -> (size: Int, allocated: Int) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("fstat") }
        return (Int(st.st_size), Int(st.st_blocks) * 512)
    }

    static func mapShared(_ fd: Int32, _ size: Int, writable: Bool, populate: Bool) throws(SharedTableError) -> UnsafeMutableRawPointer {
        let prot = writable ? PROT_READ | PROT_WRITE : PROT_READ
        let flags = MAP_SHARED | (populate ? MAP_POPULATE : 0)
        guard let p = mmap(nil, size, prot, flags, fd, 0), p != MAP_FAILED else { throw failure("mmap") }
        return p
    }

    static func mapPrivate(_ fd: Int32, _ size: Int) throws(SharedTableError) -> UnsafeMutableRawPointer {
        guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { throw failure("mmap") }
        return p
    }

    static func unmap(_ p: UnsafeMutableRawPointer, _ size: Int) { _ = munmap(p, size) }

    /// `pread`s `count` bytes from offset 0 of `fd`; a file shorter than that is an error.
    static func readExactly(_ fd: Int32, _ count: Int, into destination: UnsafeMutableRawPointer) throws(SharedTableError) {
        var done = 0
        while done < count {
            let r = pread(fd, destination + done, count - done, off_t(done))
            if r < 0 {
                if errno == EINTR { continue }
                throw failure("pread")
            }
            if r == 0 { throw .corrupt("the region holds \(done) bytes, fewer than the \(count) its user said it wrote") }
            done += r
        }
    }

    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// A new, read-only open file description of the memfd (a dup would share the write mode).
    static func reopenReadOnly(_ fd: Int32) throws(SharedTableError) -> Int32 {
        let r = open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
        guard r >= 0 else { throw failure("open(/proc/self/fd)") }
        return r
    }
}
