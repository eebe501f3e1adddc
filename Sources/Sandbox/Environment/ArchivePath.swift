import Foundation

/// Lexical checks on the paths inside an archive, done before libarchive sees an entry.
///
/// libarchive's secure flags refuse `..` and writing through symlinks; these checks add what they do not
/// cover (a symlink whose *target* leaves the tree, a hard link to a file outside it) and give one clear
/// message naming the entry.
enum ArchivePath {
    /// The entry's path as clean components, or the reason it is unsafe.
    static func components(of raw: String) -> Result<[String], SandboxError> {
        if raw.hasPrefix("/") { return .failure(.archive("entry '\(raw)' has an absolute path")) }
        if raw.contains("\\") { return .failure(.archive("entry '\(raw)' contains a backslash")) }
        var parts: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." { return .failure(.archive("entry '\(raw)' contains '..'")) }
            parts.append(String(part))
        }
        if parts.isEmpty { return .failure(.archive("entry '\(raw)' has an empty path")) }
        return .success(parts)
    }

    /// Whether a symlink at `entry` pointing at `target` stays inside the tree, resolved lexically.
    static func symlinkStaysInside(entry: [String], target: String) -> Bool {
        if target.hasPrefix("/") || target.isEmpty { return false }
        var stack = Array(entry.dropLast())
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if stack.popLast() == nil { return false }
            default: stack.append(String(part))
            }
        }
        return true
    }

    /// Whether a symlink at `entry` (components under `root`) pointing at `target` stays inside `root`
    /// when the links already on disk are followed: each link may stay inside on its own while a chain
    /// of them leads out (`up -> ..` and `out -> up/..`). Followed iteratively, at most 40 links deep
    /// (the kernel's own limit), beyond which the link counts as leading out.
    static func linkStaysInside(root: String, entry: [String], target: String) -> Bool {
        if target.hasPrefix("/") || target.isEmpty { return false }
        var stack = Array(entry.dropLast())
        // Components still to walk, the next one last.
        var pending = Array(target.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
        var hops = 0
        while let part = pending.popLast() {
            switch part {
            case ".": continue
            case "..": if stack.popLast() == nil { return false }
            default:
                stack.append(part)
                guard
                    let link = try? FileManager.default.destinationOfSymbolicLink(
                        atPath: root + "/" + stack.joined(separator: "/"))
                else { continue }
                hops += 1
                if hops > 40 || link.hasPrefix("/") || link.isEmpty { return false }
                stack.removeLast()
                pending.append(
                    contentsOf: link.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
            }
        }
        return true
    }
}
