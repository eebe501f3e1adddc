import Crypto
import Foundation

/// One item of a directory tree, by path relative to the tree's root.
struct TreeItem: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case file, directory, symlink(String) }
    var path: String
    var kind: Kind
    var size: Int64
    var executable: Bool
}

/// Walks a directory tree without following symlinks and lists it in byte order of the paths,
/// the order archives are packed in and manifests are written in.
enum TreeScanner {
    static func scan(_ root: URL) throws(SandboxError) -> [TreeItem] {
        var items: [TreeItem] = []
        try walk(root.path, relative: "", into: &items)
        return items.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    private static func walk(_ absolute: String, relative: String, into items: inout [TreeItem]) throws(SandboxError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: absolute) } catch {
            throw .io("cannot list \(absolute): \(error.localizedDescription)", cause: error)
        }
        for name in names {
            let path = absolute + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { throw .io("cannot stat \(path): \(String(cString: strerror(errno)))") }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                items.append(TreeItem(path: rel, kind: .directory, size: 0, executable: true))
                try walk(path, relative: rel, into: &items)
            case S_IFREG:
                items.append(
                    TreeItem(path: rel, kind: .file, size: Int64(st.st_size), executable: st.st_mode & 0o111 != 0))
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                items.append(TreeItem(path: rel, kind: .symlink(target), size: 0, executable: false))
            default:
                throw .archive("\(rel) is neither a file, a directory nor a symlink")
            }
        }
    }

    /// SHA-256 of a file's bytes, lower-case hex.
    static func sha256(of url: URL) throws(SandboxError) -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .io("cannot open \(url.path)") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .io("cannot read \(url.path): \(error.localizedDescription)", cause: error)
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().hex
    }

    /// Makes a tree read-only (files 0444/0555, directories 0555): environments are shared and never change.
    static func makeReadOnly(_ root: URL) throws(SandboxError) {
        for item in try scan(root) {
            let path = root.path + "/" + item.path
            switch item.kind {
            case .directory: chmod(path, 0o555)
            case .file: chmod(path, item.executable ? 0o555 : 0o444)
            case .symlink: continue
            }
        }
        chmod(root.path, 0o555)
    }

    /// Removes a tree, first making its directories writable again (needed when not running as root).
    static func remove(_ root: URL) {
        var st = stat()
        guard lstat(root.path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR {
            chmod(root.path, 0o755)
            if let items = try? scan(root) {
                for item in items where item.kind == .directory { chmod(root.path + "/" + item.path, 0o755) }
            }
        }
        try? FileManager.default.removeItem(at: root)
    }
}
