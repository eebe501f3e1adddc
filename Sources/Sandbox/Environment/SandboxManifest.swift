import Foundation

/// One installed distribution of an environment.
public struct ManifestPackage: Sendable, Hashable, Codable {
    /// The distribution name from its metadata.
    public var name: String
    /// The installed version.
    public var version: String
    /// The wheel file it was installed from.
    public var wheel: String
    /// SHA-256 of that wheel file.
    public var sha256: String
    /// Bytes its files take in the environment.
    public var sizeBytes: Int64
    /// Importable top-level modules and packages it installs into `site-packages` (what `verify` imports).
    public var topLevel: [String]
}

/// One file of an environment, with the hash `verify` checks.
public struct ManifestFile: Sendable, Hashable, Codable {
    /// Path relative to the environment root.
    public var path: String
    /// SHA-256 of the file's bytes; for a symlink, of its target text.
    public var sha256: String
    /// Size in bytes (0 for a symlink).
    public var size: Int64
    /// Whether the file is executable.
    public var executable: Bool
    /// The link target, for a symlink.
    public var symlink: String?
}

/// `manifest.json` at the root of every environment: what it was built from and every file it holds.
///
/// It contains no time stamps, so the same inputs give the same bytes, and hence the same archive.
public struct SandboxManifest: Sendable, Hashable, Codable {
    /// The manifest format; 1.
    public var format: Int
    /// The environment's name (from the spec, or given to `add`).
    public var name: String
    /// One line describing it.
    public var description: String
    /// Interpreter ABI tag, e.g. `cp311`.
    public var abi: String
    /// Newest manylinux tag its wheels may require.
    public var platform: String
    /// SHA-256 of the spec file it was built from; nil for environments made from a zip of wheels.
    public var specSHA256: String?
    /// Modules the warm worker imports before forking.
    public var preload: [String]
    /// The policy sandboxes registered from it start with.
    public var policy: SandboxPolicy
    /// Packages deliberately left out, with reasons.
    public var unavailable: [UnavailablePackage]
    /// Installed distributions, sorted by name.
    public var packages: [ManifestPackage]
    /// Total bytes of `files`.
    public var sizeBytes: Int64
    /// Every file except `manifest.json` itself, sorted by path.
    public var files: [ManifestFile]

    /// The file name at the environment root.
    public static let fileName = "manifest.json"

    /// Reads `manifest.json` from an environment root.
    public static func read(from root: URL) throws(SandboxError) -> SandboxManifest {
        let url = root.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .archive(
                "the environment has no readable \(fileName)",
                hint: "only archives made by `sandpiper sandbox build` (or a zip of wheels) can be added")
        }
        do { return try JSONDecoder().decode(SandboxManifest.self, from: data) } catch {
            throw .archive("\(fileName) is not a valid sandpiper manifest: \(error)", cause: error)
        }
    }

    /// The manifest's bytes: sorted keys, pretty-printed, so diffs are readable and builds reproducible.
    public func encoded() throws(SandboxError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do { return try encoder.encode(self) } catch { throw .io("cannot encode the manifest: \(error)", cause: error) }
    }

    /// Lists and hashes every file under `root` (except the manifest) for the `files` field.
    static func scanFiles(_ root: URL) throws(SandboxError) -> [ManifestFile] {
        var files: [ManifestFile] = []
        for item in try TreeScanner.scan(root) where item.path != fileName {
            switch item.kind {
            case .directory: continue
            case .symlink(let target):
                files.append(
                    ManifestFile(
                        path: item.path, sha256: SHA256Hex.of(Data(target.utf8)), size: 0, executable: false,
                        symlink: target))
            case .file:
                let sha = try TreeScanner.sha256(of: root.appendingPathComponent(item.path))
                files.append(
                    ManifestFile(
                        path: item.path, sha256: sha, size: item.size, executable: item.executable, symlink: nil))
            }
        }
        return files
    }

    /// Compares the tree under `root` with `files`; returns one line per difference (empty when they agree).
    func differences(from root: URL) throws(SandboxError) -> [String] {
        let actual = try Self.scanFiles(root)
        let expected = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let found = Dictionary(actual.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        for f in files where found[f.path] == nil { out.append("missing: \(f.path)") }
        for f in actual {
            guard let e = expected[f.path] else { out.append("unexpected: \(f.path)"); continue }
            if e.sha256 != f.sha256 || e.size != f.size || e.symlink != f.symlink { out.append("changed: \(f.path)") }
        }
        return out
    }
}

import Crypto
enum SHA256Hex {
    static func of(_ data: Data) -> String { SHA256.hash(data: data).hex }
}
