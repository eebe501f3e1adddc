#if canImport(Glibc)
    import Glibc

    /// Direct system calls for what glibc does not wrap or Swift cannot import (variadic `prctl`, `syscall`).
    ///
    /// glibc's `syscall` is variadic, which Swift cannot call; on x86-64 its integer-register calling
    /// convention is the same as a fixed seven-argument function, so it is bound once through `dlsym`.
    /// Confinement makes most of its calls here; the process and shared-memory calls have their own files.
    package enum Kernel {
        private typealias RawSyscall = @convention(c) (Int, Int, Int, Int, Int, Int, Int) -> Int

        private static let raw: RawSyscall? = {
            guard let symbol = dlsym(nil, "syscall") else { return nil }
            return unsafeBitCast(symbol, to: RawSyscall.self)
        }()

        /// `O_PATH` (glibc hides it behind `_GNU_SOURCE`).
        package static let openPath: Int32 = 0o10000000

        /// x86-64 system call numbers used by confinement and process control.
        package enum Number {
            package static let setgroups = 116, setresuid = 117, setresgid = 119, capget = 125, capset = 126
            package static let pivotRoot = 155, prctl = 157, sethostname = 170, mount = 165, umount2 = 166
            package static let unshare = 272, prlimit64 = 302, ioUringSetup = 425, closeRange = 436
            package static let pidfdSendSignal = 424, pidfdOpen = 434
            package static let landlockCreateRuleset = 444, landlockAddRule = 445, landlockRestrictSelf = 446
        }

        /// Calls system call `number` and returns its result.
        @discardableResult
        package static func call(
            _ number: Int, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0, _ e: Int = 0,
            _ f: Int = 0
        ) throws(SystemCallError) -> Int {
            guard let raw else { throw SystemCallError("syscall \(number)", errno: ENOSYS) }
            errno = 0
            let result = raw(number, a, b, c, d, e, f)
            if result == -1 { throw .last("syscall \(number)") }
            return result
        }

        /// `prctl(option, a, b, c, d)`.
        @discardableResult
        package static func prctl(_ option: Int32, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0)
            throws(SystemCallError) -> Int
        {
            try call(Number.prctl, Int(option), a, b, c, d)
        }

        /// The address of a C string for the duration of `body`.
        package static func withPath<T>(_ path: String, _ body: (Int) -> T) -> T {
            path.withCString { body(Int(bitPattern: $0)) }
        }

        /// Writes `text` to an existing file (`cgroup.procs`, `/proc/sys/...`).
        package static func writeFile(_ path: String, _ text: String) throws(SystemCallError) {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .last("open(\(path))") }
            defer { close(fd) }
            try writeAll(fd, text, path)
        }

        private static func writeAll(_ fd: Int32, _ text: String, _ path: String) throws(SystemCallError) {
            let bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return }
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 { throw .last("write(\(path))") }
            if written != bytes.count { throw SystemCallError("write(\(path))", errno: EIO) }
        }

        /// Creates (or truncates) `path` with `text`, mode 0644.
        package static func createFile(_ path: String, _ text: String) throws(SystemCallError) {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .last("open(\(path))") }
            defer { close(fd) }
            try writeAll(fd, text, path)
        }

        /// The whole content of a small file (`/proc`, `/sys`), or nil.
        package static func readFile(_ path: String, limit: Int = 1 << 20) -> String? {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var data: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while data.count < limit {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                data += chunk[0..<n]
            }
            return String(decoding: data, as: UTF8.self)
        }

        /// `mkdir -p` with mode 0755; existing directories are fine.
        package static func makeDirectories(_ path: String) throws(SystemCallError) {
            var current = ""
            for component in path.split(separator: "/") {
                current += "/" + component
                if mkdir(current, 0o755) != 0, errno != EEXIST { throw .last("mkdir(\(current))") }
            }
        }

        /// The file type bits of `lstat(path)`, or nil when it does not exist.
        package static func fileType(_ path: String) -> mode_t? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return info.st_mode & S_IFMT
        }

        /// The number of threads of this process, from `/proc/self/status`.
        package static func threadCount() -> Int {
            guard let status = readFile("/proc/self/status") else { return -1 }
            for line in status.split(separator: "\n") where line.hasPrefix("Threads:") {
                return Int(line.dropFirst("Threads:".count).trimmingBlanks()) ?? -1
            }
            return -1
        }
    }

    extension Substring {
        /// Without leading and trailing blanks (no Foundation in the confinement path).
        package func trimmingBlanks() -> Substring {
            var s = self
            while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
            while let c = s.last, c == " " || c == "\t" || c == "\n" { s = s.dropLast() }
            return s
        }
    }
#endif
