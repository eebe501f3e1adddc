import Foundation
import KQLSyntax
import SharedTable

/// Reads the `external_artifacts` of a call on the engine's side and packs them for the worker.
///
/// The query child runs confined to a minimal filesystem, so it cannot open the user's files: the
/// plugin reads them here and sends their bytes with the request; the child writes them into the
/// script's working folder under their names. Only local files are accepted (a path or a `file://`
/// URL): the sandbox has no network, and neither does the plugin fetch anything on its behalf.
enum PythonArtifacts {
    /// Largest total size sent with one call.
    static let maxTotalBytes = 256 << 20

    /// The request option value (JSON object name → base64), or nil when there are no artifacts.
    static func pack(_ artifacts: [(name: String, location: String)], span: SourceSpan) throws(KQLError) -> String? {
        guard !artifacts.isEmpty else { return nil }
        var encoded: [String: String] = [:]
        var total = 0
        for (name, location) in artifacts {
            try checkName(name, span: span)
            let path = try localPath(location, name: name, span: span)
            guard let data = FileManager.default.contents(atPath: path) else {
                let exists = FileManager.default.fileExists(atPath: path)
                throw KQLError("E_ARGUMENT", "external artifact '\(name)': \(exists ? "cannot read" : "no file at") \(path)", span: span,
                               hint: "pass the path of a readable local file")
            }
            total += data.count
            guard total <= maxTotalBytes else {
                throw KQLError("E_ARGUMENT", "external artifacts exceed \(maxTotalBytes >> 20) MiB in total", span: span,
                               hint: "install large packages into a sandbox with `sandpiper sandbox build` instead")
            }
            encoded[name] = data.base64EncodedString()
        }
        guard let json = try? JSONSerialization.data(withJSONObject: encoded, options: [.sortedKeys]) else {
            throw KQLError("E_ARGUMENT", "external artifacts cannot be encoded", span: span)
        }
        return String(decoding: json, as: UTF8.self)
    }

    /// A file name in the script's folder: no separators, not `.` or `..`.
    static func checkName(_ name: String, span: SourceSpan) throws(KQLError) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\u{0}"), !name.hasPrefix(".zipackage") else {
            throw KQLError("E_ARGUMENT", "external artifact name '\(name)' is not a plain file name", span: span,
                           hint: "name each artifact by the file name the script opens, such as 'model.pkl'")
        }
    }

    /// The local path of `location`; network URLs are refused.
    static func localPath(_ location: String, name: String, span: SourceSpan) throws(KQLError) -> String {
        let lower = location.lowercased()
        if lower.hasPrefix("file://") {
            guard let url = URL(string: location), url.isFileURL, !url.path.isEmpty else {
                throw KQLError("E_ARGUMENT", "external artifact '\(name)': '\(location)' is not a valid file:// URL", span: span)
            }
            return url.path
        }
        if let colon = lower.firstIndex(of: ":"), lower[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
           lower[colon...].hasPrefix("://") {
            throw KQLError("E_SANDBOX_DENIED", "external artifact '\(name)': \(lower[..<colon]) URLs need the network, which python() sandboxes do not have",
                           span: span, hint: "download the file first (for example `curl -o /tmp/\(name) '\(location)'`) and pass its local path")
        }
        return (location as NSString).expandingTildeInPath
    }
}
