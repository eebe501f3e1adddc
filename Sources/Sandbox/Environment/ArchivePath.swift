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
}
