import Foundation

/// Finds the expectations that apply to a document. Sidecars live beside documents, never in them;
/// for documents in read-only places (the seed) they live in the repository.
///
/// Lookup order, all found files apply, the first entry that designates an example wins:
/// 1. files given with `--expectations FILE` (in the order given);
/// 2. `<document>.expect.toml` beside the document (`doc.md.expect.toml`), then `<stem>.expect.toml` (`doc.expect.toml`);
/// 3. `conformance/seed/<stem>.expect.toml` under the current directory or its nearest ancestor that has one
///    (where the repository keeps sidecars for documents it cannot write next to);
/// 4. `conformance.expect.toml` in the document's folder (entries there should name their `document`).
public struct ExpectationLookup: Sendable {
    /// Files given explicitly, already loaded.
    public var explicit: [ExpectationFile]
    /// The directory step 3 starts from.
    public var workingDirectory: String

    public init(explicit: [ExpectationFile] = [], workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.explicit = explicit; self.workingDirectory = workingDirectory
    }

    /// The candidate sidecar paths for `document`, in lookup order (whether or not they exist).
    public func candidatePaths(for document: String) -> [String] {
        let url = URL(fileURLWithPath: document)
        let folder = url.deletingLastPathComponent().path
        let stem = url.deletingPathExtension().lastPathComponent
        var paths = [document + ".expect.toml"]
        let stemSidecar = folder + "/" + stem + ".expect.toml"
        if stemSidecar != paths[0] { paths.append(stemSidecar) }
        var dir = URL(fileURLWithPath: workingDirectory)
        while true {
            paths.append(dir.appendingPathComponent("conformance/seed/\(stem).expect.toml").path)
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        paths.append(folder + "/conformance.expect.toml")
        return paths
    }

    /// The expectation files for `document`: explicit ones first, then the existing candidates.
    /// Of the repository locations (step 3) only the nearest existing one is used.
    public func files(for document: String) throws(ConformanceError) -> [ExpectationFile] {
        var out = explicit
        var seenRepoSidecar = false
        for path in candidatePaths(for: document) where FileManager.default.fileExists(atPath: path) {
            if path.contains("/conformance/seed/") {
                if seenRepoSidecar { continue }
                seenRepoSidecar = true
            }
            if out.contains(where: { $0.path == path }) { continue }
            out.append(try ExpectationFile.load(path: path))
        }
        return out
    }
}
