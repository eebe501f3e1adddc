import Foundation
import SystemCalls

/// The state directory: `$SANDPIPER_HOME`, by default `~/.local/share/sandpiper`.
///
/// `archives/<sha256>.<ext>` are the registered archives, `envs/<sha256>/` their unpacked trees
/// (content-addressed, shared, read-only), `wheels/<sha256>/` downloaded wheels, `scratch/` work in
/// progress (named `<kind>-<pid>-<random>`, so leftovers of a killed process can be recognised), and
/// `registry.json` the names, written atomically under `registry.lock`.
public struct SandboxHome: Sendable, Hashable {
    /// The root directory.
    public var root: URL

    /// Uses `root` as the state directory.
    public init(root: URL) { self.root = root }

    /// `$SANDPIPER_HOME`, or `~/.local/share/sandpiper`.
    public static func fromEnvironment() -> SandboxHome {
        if let path = ProcessInfo.processInfo.environment["SANDPIPER_HOME"], !path.isEmpty {
            return SandboxHome(root: URL(fileURLWithPath: path, isDirectory: true))
        }
        let home = FileManager.default.homeDirectoryForCurrentUser
        return SandboxHome(root: home.appendingPathComponent(".local/share/sandpiper", isDirectory: true))
    }

    /// Registered archives.
    public var archives: URL { root.appendingPathComponent("archives", isDirectory: true) }
    /// Unpacked environments, one directory per archive SHA-256.
    public var envs: URL { root.appendingPathComponent("envs", isDirectory: true) }
    /// Downloaded wheels, one directory per wheel SHA-256.
    public var wheels: URL { root.appendingPathComponent("wheels", isDirectory: true) }
    /// Work in progress.
    public var scratch: URL { root.appendingPathComponent("scratch", isDirectory: true) }
    /// The registry of names.
    public var registryFile: URL { root.appendingPathComponent("registry.json") }
    /// The lock file serialising registry changes.
    var lockFile: URL { root.appendingPathComponent("registry.lock") }

    /// The unpacked tree of an archive.
    public func environment(_ sha256: String) -> URL { envs.appendingPathComponent(sha256, isDirectory: true) }

    /// Creates the directories if needed.
    func prepare() throws(SandboxError) {
        for dir in [root, archives, envs, wheels, scratch] {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw .io(
                    "cannot create \(dir.path): \(error.localizedDescription)",
                    hint: "set SANDPIPER_HOME to a writable directory", cause: error)
            }
        }
    }

    /// A fresh scratch path `<kind>-<pid>-<random>` (not created).
    func scratchPath(_ kind: String) -> URL {
        scratch.appendingPathComponent("\(kind)-\(Processes.current)-\(UInt32.random(in: 0...UInt32.max))")
    }

    /// Removes scratch items and half-written temporary files whose process is gone (killed mid-build or
    /// mid-unpack). Items of live processes, including concurrent commands, are left alone.
    func removeLeftovers() {
        for dir in [scratch, archives, wheels] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names {
                guard let pid = Self.ownerPID(name), pid != Processes.current, Processes.isGone(pid) else { continue }
                TreeScanner.remove(dir.appendingPathComponent(name))
            }
        }
    }

    /// The pid in a `<kind>-<pid>-<random>` or `.tmp-<pid>-...` name, nil for other names.
    static func ownerPID(_ name: String) -> pid_t? {
        let fields = name.split(separator: "-")
        guard fields.count >= 3, let pid = pid_t(fields[1]), pid > 0 else { return nil }
        if fields[0] == ".tmp" || ["build", "add", "unpack", "verify", "lock"].contains(fields[0]) { return pid }
        return nil
    }

    /// Writes `data` to `url` through a temporary name in the same directory, fsyncs, renames into place.
    static func writeAtomically(_ data: Data, to url: URL) throws(SandboxError) {
        let tmp = url.deletingLastPathComponent().appendingPathComponent(
            ".tmp-\(Processes.current)-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot write \(tmp.path): \(String(cString: strerror(errno)))") }
        let ok = data.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { return false }
                off += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(tmp.path, url.path) == 0 else {
            unlink(tmp.path)
            throw .io("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        let dirfd = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// Moves `source` to `destination` atomically unless `destination` exists (then removes `source`).
    static func moveIntoPlace(_ source: URL, _ destination: URL) throws(SandboxError) {
        if FileManager.default.fileExists(atPath: destination.path) {
            TreeScanner.remove(source)
            return
        }
        guard rename(source.path, destination.path) == 0 else {
            throw .io(
                "cannot move \(source.lastPathComponent) to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }
}
