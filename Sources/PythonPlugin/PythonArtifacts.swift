import Foundation
import KQLSyntax
import Sandbox
import SharedTable
import SystemCalls

/// Reads the `external_artifacts` of a call on the engine's side and packs them for the worker.
///
/// The query child runs confined to a minimal filesystem, so it cannot open the user's files: the
/// plugin reads them here and sends their bytes with the request; the child writes them into the
/// script's working folder under their names. Only local files are accepted (a path or a `file://`
/// URL): the sandbox has no network, and neither does the plugin fetch anything on its behalf.
///
/// The engine may run as root, and a query names the paths: so it reads only regular files beneath
/// the allowed folders (`ArtifactRoots`), never through a symbolic link and never from /proc, /sys or
/// /dev, with the size checked before a byte is read (`BeneathFiles`, in the system-call seam).
enum PythonArtifacts {
    /// Largest total size sent with one call.
    static let maxTotalBytes = 256 << 20

    /// The artifacts with their bytes, as the request carries them (in the order the call names them).
    static func pack(_ artifacts: [(name: String, location: String)], roots: ArtifactRoots, span: SourceSpan)
        throws(KQLError) -> [WorkerArtifact]
    {
        var packed: [WorkerArtifact] = []
        var total = 0
        for (name, location) in artifacts {
            try checkName(name, span: span)
            let path = try localPath(location, name: name, span: span)
            let data = try read(path, name: name, roots: roots, limit: maxTotalBytes - total, span: span)
            total += data.count
            packed.append(WorkerArtifact(name: name, contents: data))
        }
        return packed
    }

    /// The bytes of the file at `path` (absolute), when it lies beneath one of `roots`.
    static func read(_ path: String, name: String, roots: ArtifactRoots, limit: Int, span: SourceSpan) throws(KQLError)
        -> Data
    {
        let what = "external artifact '\(name)'"
        let components = path.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !components.contains("..") else {
            throw KQLError(
                .argument, "\(what): the path \(path) contains '..'", span: span,
                hint: "write the file's path without '..'")
        }
        guard let (root, rest) = roots.locate(components) else {
            throw KQLError(
                .sandboxDenied,
                "\(what): \(path) is outside the folders python() may read artifacts from"
                    + (roots.folders.isEmpty ? " (there are none)" : " (\(roots.folders.joined(separator: ", ")))"),
                span: span,
                hint:
                    "put the file in the query file's folder or the --db folder, or name its folder with --artifacts DIR"
            )
        }
        switch BeneathFiles.read(root: root, components: rest, limit: limit) {
        case .success(let bytes):
            return Data(bytes)
        case .failure(.missing):
            throw KQLError(
                .argument, "\(what): no file at \(path)", span: span, hint: "pass the path of a readable local file")
        case .failure(.link):
            throw KQLError(
                .sandboxDenied,
                "\(what): \(path) goes through a symbolic link, and artifacts are read without following links",
                span: span, hint: "pass the path of the file itself")
        case .failure(.notRegular(let kind)):
            throw KQLError(
                .argument, "\(what): \(path) is \(kind), not a regular file", span: span,
                hint: "pass the path of a regular file")
        case .failure(.pseudoFilesystem):
            throw KQLError(
                .sandboxDenied,
                "\(what): \(path) is on a system filesystem (such as /proc or /sys), which python() never reads",
                span: span)
        case .failure(.tooLarge(let size)):
            throw KQLError(
                .argument,
                "\(what): \(path) is \(size) bytes; external artifacts may hold \(maxTotalBytes >> 20) MiB in total",
                span: span, hint: "install large packages into a sandbox with `sandpiper sandbox build` instead")
        case .failure(.system(let error)):
            throw KQLError(.argument, "\(what): cannot read \(path): \(error.reason)", span: span, cause: error)
        }
    }

    /// A file name in the script's folder: no separators, not `.` or `..`.
    static func checkName(_ name: String, span: SourceSpan) throws(KQLError) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\u{0}"),
            !name.hasPrefix(".zipackage")
        else {
            throw KQLError(
                .argument, "external artifact name '\(name)' is not a plain file name", span: span,
                hint: "name each artifact by the file name the script opens, such as 'model.pkl'")
        }
    }

    /// The absolute local path of `location` (a relative one is taken from the current folder); network
    /// URLs are refused.
    static func localPath(_ location: String, name: String, span: SourceSpan) throws(KQLError) -> String {
        let lower = location.lowercased()
        var path: String
        if lower.hasPrefix("file://") {
            guard let url = URL(string: location), url.isFileURL, !url.path.isEmpty else {
                throw KQLError(
                    .argument, "external artifact '\(name)': '\(location)' is not a valid file:// URL", span: span)
            }
            path = url.path
        } else if let colon = lower.firstIndex(of: ":"),
            lower[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
            lower[colon...].hasPrefix("://")
        {
            throw KQLError(
                .sandboxDenied,
                "external artifact '\(name)': \(lower[..<colon]) URLs need the network, which python() sandboxes do not have",
                span: span,
                hint:
                    "download the file first (for example `curl -o /tmp/\(name) '\(location)'`) and pass its local path"
            )
        } else {
            path = (location as NSString).expandingTildeInPath
        }
        guard !path.contains("\u{0}") else {
            throw KQLError(.argument, "external artifact '\(name)': the path contains a NUL character", span: span)
        }
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        return path
    }
}

/// The folders `external_artifacts` may be read from: the query file's folder, the `--db` folder and
/// each `--artifacts DIR`. A folder that does not exist, the root folder itself, and anything in /proc,
/// /sys or /dev is never one.
public struct ArtifactRoots: Sendable {
    /// Each folder as it was given (made absolute) and with its links resolved: a path may name it either way.
    private let entries: [(given: [String], canonical: [String])]

    /// The allowed folders, canonical.
    public var folders: [String] { entries.map { "/" + $0.canonical.joined(separator: "/") } }

    /// No folder: every artifact is refused.
    public static let none = ArtifactRoots([])

    /// The allowed folders among `folders` (relative ones taken from the current folder).
    public init(_ folders: [String]) {
        var entries: [(given: [String], canonical: [String])] = []
        for folder in folders {
            let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
            guard let canonical = BeneathFiles.canonicalFolder(absolute) else { continue }
            let c = Self.components(canonical)
            guard !c.isEmpty, !["proc", "sys", "dev"].contains(c[0]) else { continue }
            let given = Self.components(absolute)
            if !entries.contains(where: { $0.canonical == c }) { entries.append((given.contains("..") ? c : given, c)) }
        }
        self.entries = entries
    }

    /// The folder `path` lies beneath (as a path to open) and the rest of its components, or nil.
    func locate(_ path: [String]) -> (root: String, rest: [String])? {
        for e in entries {
            for prefix in [e.canonical, e.given]
            where path.count > prefix.count && Array(path.prefix(prefix.count)) == prefix {
                return ("/" + prefix.joined(separator: "/"), Array(path.dropFirst(prefix.count)))
            }
        }
        return nil
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }
}
