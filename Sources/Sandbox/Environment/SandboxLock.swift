import Foundation
import TOMLKit

/// One wheel of a lock: the exact file pip must download and its SHA-256.
public struct LockedWheel: Sendable, Hashable, Codable {
    /// The distribution name as the index spells it.
    public var name: String
    /// The exact version.
    public var version: String
    /// The wheel file name (its tags say which ABI and platform it is for).
    public var file: String
    /// SHA-256 of the wheel file, lower-case hex.
    public var sha256: String
}

/// The resolution of a spec: every wheel, dependencies included, with its hash.
/// Lives next to the spec as `<name>.lock` so a build downloads exactly the same bytes every time.
public struct SandboxLock: Sendable, Hashable {
    /// The spec this lock resolves.
    public var spec: String
    /// The spec's `resolutionKey` when the lock was made; a different key means the lock is stale.
    public var resolutionKey: String
    /// The wheels, sorted by name.
    public var wheels: [LockedWheel]

    /// Makes a lock, sorting the wheels so the file is stable.
    public init(spec: String, resolutionKey: String, wheels: [LockedWheel]) {
        self.spec = spec; self.resolutionKey = resolutionKey
        self.wheels = wheels.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The lock file that belongs to a spec file: same folder, `.lock` instead of `.toml`.
    public static func url(forSpec specURL: URL) -> URL {
        specURL.deletingPathExtension().appendingPathExtension("lock")
    }

    /// Reads a lock file; `E_SPEC` when it is malformed.
    public init(contentsOf url: URL) throws(SandboxError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .spec("cannot read lock \(url.path): \(error.localizedDescription)", cause: error)
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw .spec(
                "\(url.lastPathComponent) is not valid TOML: \(error)",
                hint: "delete it and run `sandpiper sandbox lock` again", cause: error)
        }
        guard table["version"]?.int == 1, let spec = table["spec"]?.string, let key = table["resolution-key"]?.string
        else {
            throw .spec(
                "\(url.lastPathComponent) lacks version = 1, spec or resolution-key",
                hint: "delete it and run `sandpiper sandbox lock` again")
        }
        var wheels: [LockedWheel] = []
        for item in table["wheel"]?.array ?? TOMLArray() {
            guard let t = item.table, let name = t["name"]?.string, let version = t["version"]?.string,
                let file = t["file"]?.string, let sha = t["sha256"]?.string,
                sha.count == 64, sha.allSatisfy(\.isHexDigit), WheelTags(fileName: file) != nil,
                !file.contains("/")
            else {
                throw .spec(
                    "\(url.lastPathComponent): a [[wheel]] entry lacks name, version, a wheel file name or a 64-digit sha256"
                )
            }
            wheels.append(LockedWheel(name: name, version: version, file: file, sha256: sha.lowercased()))
        }
        guard !wheels.isEmpty else { throw .spec("\(url.lastPathComponent) lists no wheels") }
        self.init(spec: spec, resolutionKey: key, wheels: wheels)
    }

    /// The lock file's text: TOML with one `[[wheel]]` table per wheel.
    public func render() -> String {
        var out = """
            # Resolved by `sandpiper sandbox lock`; every wheel with its SHA-256. Do not edit by hand.
            version = 1
            spec = \(quote(spec))
            resolution-key = \(quote(resolutionKey))

            """
        for w in wheels {
            out += """

                [[wheel]]
                name = \(quote(w.name))
                version = \(quote(w.version))
                file = \(quote(w.file))
                sha256 = \(quote(w.sha256))

                """
        }
        return out
    }

    private func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
