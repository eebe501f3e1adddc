#if canImport(Glibc)
    import Glibc

    /// File descriptors: closing, waiting for input, and the process's open-file limit.
    package enum Descriptors {
        /// Closes `fd`. The descriptor is gone whatever `close` returns (Linux frees it even on EINTR), so
        /// there is nothing for a caller to retry or report.
        package static func close(_ fd: Int32) { _ = Glibc.close(fd) }

        /// Opens the existing file `path`, read-only or read-write, close-on-exec.
        package static func open(_ path: String, writable: Bool = false) throws(SystemCallError) -> Int32 {
            let fd = Glibc.open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)
            guard fd >= 0 else { throw .last("open(\(path))") }
            return fd
        }

        /// `pread`s up to `count` bytes at `offset` into `destination`, retrying interrupted calls; returns
        /// the bytes read, fewer than `count` only at the end of the file.
        package static func read(
            _ fd: Int32, _ count: Int, at offset: Int = 0,
            into destination: UnsafeMutableRawPointer
        ) throws(SystemCallError) -> Int {
            var done = 0
            while done < count {
                let r = pread(fd, destination + done, count - done, off_t(offset + done))
                if r < 0 {
                    if errno == EINTR { continue }
                    throw .last("pread")
                }
                if r == 0 { break }
                done += r
            }
            return done
        }

        /// Waits up to `milliseconds` (clamped to 0...Int32.max) until `fd` is readable or closed by its
        /// peer; false when the time ran out. Interrupted waits are resumed with the full time again.
        package static func waitReadable(_ fd: Int32, milliseconds: Int) throws(SystemCallError) -> Bool {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            var r: Int32
            repeat { r = poll(&p, 1, Int32(clamping: max(milliseconds, 0))) } while r < 0 && errno == EINTR
            if r < 0 { throw .last("poll") }
            return r > 0
        }

        /// Points stdin, stdout and stderr at `/dev/null` (left as they are when it cannot be opened).
        package static func detachStandardStreams() {
            let null = Glibc.open("/dev/null", O_RDWR)
            guard null >= 0 else { return }
            for fd: Int32 in 0...2 where fd != null { dup2(null, fd) }
            if null > 2 { Glibc.close(null) }
        }

        /// Raises the soft open-file limit to the hard one (once is enough) and returns the limit now in
        /// force, capped at 2^20; 0 when it cannot be read.
        package static func raiseOpenFileLimit() -> Int {
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
            if limit.rlim_cur < limit.rlim_max {
                var raised = limit
                raised.rlim_cur = limit.rlim_max
                if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
            }
            return Int(min(limit.rlim_cur, 1 << 20))
        }
    }
#endif
