import Foundation
import SystemCalls

/// One registered name: which archive (by SHA-256) it uses and its policy.
public struct RegistryEntry: Sendable, Hashable, Codable {
    /// The sandbox's name.
    public var name: String
    /// SHA-256 of its archive: the environment's identity.
    public var archiveSHA256: String
    /// The archive's file name under `archives/`.
    public var archiveFile: String
    /// Where it came from: the spec or archive path given to `build`/`add`.
    public var source: String
    /// Its policy (starts as the manifest's; changed by `sandpiper sandbox policy`).
    public var policy: SandboxPolicy
}

/// The content of `registry.json`.
struct RegistryFile: Sendable, Hashable, Codable {
    var format = 1
    /// The sandbox `python()` uses when none is named; nil means `SandboxRegistry.builtinDefault`.
    var defaultName: String?
    var sandboxes: [String: RegistryEntry] = [:]

    /// Runs `body` on the registry while holding an exclusive `flock` on `registry.lock`, writing the result
    /// back atomically if it changed. Leftovers of killed processes are removed first.
    static func withLock<T>(_ home: SandboxHome, _ body: (inout RegistryFile) throws(SandboxError) -> T)
        throws(SandboxError) -> T
    {
        try home.prepare()
        let lock: Int32
        do { lock = try Files.lockExclusive(home.lockFile.path) } catch {
            throw .io("cannot lock \(home.lockFile.path): \(error.reason)", cause: error)
        }
        defer { Files.unlock(lock) }
        home.removeLeftovers()
        let before = try read(home)
        var registry = before
        let result = try body(&registry)
        if registry != before {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data: Data
            do { data = try encoder.encode(registry) } catch {
                throw .io("cannot encode the registry: \(error)", cause: error)
            }
            try SandboxHome.writeAtomically(data, to: home.registryFile)
        }
        return result
    }

    /// Reads the registry without locking (a reader sees either the old or the new file, never half of one).
    static func read(_ home: SandboxHome) throws(SandboxError) -> RegistryFile {
        guard let data = FileManager.default.contents(atPath: home.registryFile.path) else { return RegistryFile() }
        do { return try JSONDecoder().decode(RegistryFile.self, from: data) } catch {
            throw .io(
                "\(home.registryFile.path) is not a valid registry: \(error)",
                hint: "move it aside and re-register the sandboxes with `sandpiper sandbox add`", cause: error)
        }
    }
}
