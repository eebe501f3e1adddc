#if canImport(Glibc)
    import Glibc

    /// Reading a file beneath an allowed folder without following a link (the python() plugin's external
    /// artifacts).
    ///
    /// The engine may run as root (to confine scripts), so it reads nothing a path merely names: it opens
    /// the allowed folder, walks down one component at a time with `openat(O_NOFOLLOW)` (a symbolic link
    /// anywhere on the way is refused, `..` never gets here), checks the last one is a regular file before
    /// opening it (opening a device or FIFO can have effects of its own), and checks the open file's
    /// filesystem and size before reading a byte.
    package enum BeneathFiles {
        /// Why a file could not be read.
        package enum Failure: Error {
            case missing
            case link
            case notRegular(String)
            case pseudoFilesystem
            case tooLarge(Int)
            case system(SystemCallError)
        }

        /// Filesystems whose files describe the running system rather than hold data: /proc, /sys and friends.
        package static let pseudoFilesystems: Set<Int> = [
            0x9fa0,  // proc
            0x6265_6572,  // sysfs
            0x1cd1,  // devpts
            0x6462_6720,  // debugfs
            0x7472_6163,  // tracefs
            0x7363_6673,  // securityfs
            0x0027_e0eb,  // cgroup
            0x6367_7270,  // cgroup2
            0xcafe_4a11,  // bpf
            0x6e73_6673,  // nsfs
            0x4249_4e4d,  // binfmt_misc
            0xde5e_81e4,  // efivarfs
        ]

        /// The bytes of `components` (plain names, no `.` or `..`) beneath the folder `root`, at most `limit` of them.
        package static func read(root: String, components: [String], limit: Int) -> Result<[UInt8], Failure> {
            var dir = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC)
            guard dir >= 0 else { return .failure(errno == ENOENT ? .missing : .system(.last("open(\(root))"))) }
            defer { close(dir) }
            for name in components.dropLast() {
                let next = openat(dir, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { return .failure(failure(errno, "openat(\(name))")) }
                close(dir)
                dir = next
            }
            guard let last = components.last else { return .failure(.notRegular("a folder")) }
            var before = stat()
            guard fstatat(dir, last, &before, AT_SYMLINK_NOFOLLOW) == 0 else {
                return .failure(failure(errno, "fstatat(\(last))"))
            }
            guard before.st_mode & S_IFMT == S_IFREG else { return .failure(kind(before.st_mode)) }
            let fd = openat(dir, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { return .failure(failure(errno, "openat(\(last))")) }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0 else { return .failure(.system(.last("fstat"))) }
            // The same file that was checked, not one swapped in between.
            guard st.st_dev == before.st_dev, st.st_ino == before.st_ino, st.st_mode & S_IFMT == S_IFREG else {
                return .failure(.notRegular("a file that changed"))
            }
            switch filesystemType(fd) {
            case .success(let type): if pseudoFilesystems.contains(type) { return .failure(.pseudoFilesystem) }
            case .failure(let failure): return .failure(failure)
            }
            let size = Int(st.st_size)
            guard size <= limit else { return .failure(.tooLarge(size)) }
            var data = [UInt8](repeating: 0, count: size)
            let done: Int = data.withUnsafeMutableBytes { buffer in
                var done = 0
                while done < size {
                    let r = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                    if r < 0, errno == EINTR { continue }
                    if r <= 0 { return r < 0 ? -1 : done }
                    done += r
                }
                return done
            }
            if done < 0 { return .failure(.system(.last("read"))) }
            return .success(done == size ? data : Array(data.prefix(done)))
        }

        /// `O_PATH`, which glibc declares only under `_GNU_SOURCE`.
        private static let O_PATH: Int32 = 0o10_000_000

        private typealias FStatFS = @convention(c) (Int32, UnsafeMutableRawPointer) -> Int32
        /// glibc's `fstatfs`, whose header Swift's Glibc module does not import.
        private static let fstatfs: FStatFS? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fstatfs").map {
            unsafeBitCast($0, to: FStatFS.self)
        }

        /// The filesystem magic of the open file `fd` (`f_type`, the first field of Linux's `struct statfs`).
        private static func filesystemType(_ fd: Int32) -> Result<Int, Failure> {
            guard let fstatfs else { return .failure(.system(SystemCallError("fstatfs", errno: ENOSYS))) }
            // struct statfs is 120 bytes on 64-bit Linux; a larger buffer leaves room.
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 8)
            defer { buffer.deallocate() }
            guard fstatfs(fd, buffer) == 0 else { return .failure(.system(.last("fstatfs"))) }
            return .success(buffer.load(as: Int.self))
        }

        private static func failure(_ e: Int32, _ call: String) -> Failure {
            switch e {
            case ENOENT: return .missing
            // O_NOFOLLOW on a link gives ELOOP; O_DIRECTORY|O_NOFOLLOW on a link to a folder gives ENOTDIR.
            case ELOOP, ENOTDIR: return .link
            default: return .system(SystemCallError(call, errno: e))
            }
        }

        private static func kind(_ mode: mode_t) -> Failure {
            switch mode & S_IFMT {
            case S_IFLNK: return .link
            case S_IFDIR: return .notRegular("a folder")
            case S_IFCHR, S_IFBLK: return .notRegular("a device")
            case S_IFIFO: return .notRegular("a FIFO")
            case S_IFSOCK: return .notRegular("a socket")
            default: return .notRegular("not a regular file")
            }
        }

        /// The canonical path of a folder (links resolved), or nil when it is not one.
        package static func canonicalFolder(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            var st = stat()
            guard stat(resolved, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return nil }
            return String(cString: resolved)
        }
    }
#endif
