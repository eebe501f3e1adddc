#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import KQLSyntax

#if canImport(Glibc)
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    private let posixWrite = Darwin.write
#endif

/// Crash-safe file replacement: write a temporary file in the same folder, fsync it, rename it over the
/// target, fsync the folder. A reader sees the old file or the new one, never a torn one; a failure
/// removes the temporary file.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(KQLError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    static func write(bytes: [UInt8], to path: String) throws(KQLError) {
        let directory = parentDirectory(of: path)
        let name = String(path.split(separator: "/").last ?? "table")
        var rng = SystemRandomNumberGenerator()
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(String(rng.next() as UInt64, radix: 36))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("create \(temporary)") }
        var ok = true
        var bytes = bytes
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        let writeErrno = errno
        if ok, fsync(fd) != 0 { ok = false }
        let syncErrno = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            errno = writeErrno != 0 ? writeErrno : syncErrno
            throw failure("write \(path)")
        }
        guard rename(temporary, path) == 0 else {
            let e = errno
            unlink(temporary)
            errno = e
            throw failure("replace \(path)")
        }
        syncDirectory(directory)
    }

    /// Removes a file durably.
    static func remove(_ path: String) throws(KQLError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("remove \(path)") }
        syncDirectory(parentDirectory(of: path))
    }

    private static func syncDirectory(_ directory: String) {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ action: String) -> KQLError {
        let reason = String(cString: strerror(errno))
        return KQLError(
            .command, "could not \(action): \(reason)",
            hint: "check that the database folder exists, is writable and has free space; the table was not changed")
    }
}
