#if canImport(Glibc)
    import Glibc

    /// Files by path, for what Foundation has no call for: an exclusive advisory lock and a fresh private
    /// folder. Reading beneath a folder without following links is `BeneathFiles`.
    package enum Files {
        /// Opens `path` (creating it, mode 0644) and waits for an exclusive `flock` on it. The lock lasts until
        /// `unlock` closes the descriptor (or the process ends, so a killed holder never leaves it taken).
        package static func lockExclusive(_ path: String) throws(SystemCallError) -> Int32 {
            let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .last("open(\(path))") }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let error = SystemCallError.last("flock(\(path))")
                    Glibc.close(fd)
                    throw error
                }
            }
            return fd
        }

        /// Releases a lock taken by `lockExclusive` and closes its descriptor.
        package static func unlock(_ fd: Int32) {
            _ = flock(fd, LOCK_UN)
            _ = Glibc.close(fd)
        }

        /// Creates a new folder, readable only by this user, named `template` with its trailing `XXXXXX`
        /// replaced by a unique suffix (`mkdtemp`); returns its path.
        package static func makeTemporaryDirectory(_ template: String) throws(SystemCallError) -> String {
            var bytes = Array(template.utf8CString)
            guard let made = mkdtemp(&bytes) else { throw .last("mkdtemp(\(template))") }
            return String(cString: made)
        }
    }
#endif
