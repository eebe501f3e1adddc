import Foundation

/// Where a query may name local files (externaldata reads them, `.export` writes them): under the working
/// directory or the `--db` folder, so a query sent to `sandpiper serve` cannot reach the rest of the disk.
enum LocalFilePaths {
    /// `path` made absolute (relative to the working directory) with symbolic links resolved, and whether
    /// it lies under one of the allowed folders.
    static func resolve(_ path: String, database: any Database) -> (resolved: String, allowed: Bool) {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path)
        let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        var roots = [cwd]
        if let folder = database as? FolderDatabase { roots.append(folder.path) }
        let allowed = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        return (resolved, allowed.contains { resolved == $0 || resolved.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") })
    }
}
