import Foundation
import Sandbox
import Testing

/// The sandboxes the plugin tests run in, built once into the state folder under the package's `.build/`
/// that the CLI tests use too (so repeated runs reuse them, and a fresh clone builds them from the committed locks).
enum TestSandboxes {
    /// The package's folder (this file is Tests/PythonPluginTests/TestSandboxes.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `$SANDPIPER_HOME` for the tests (the supervisor and escape tests in SandboxTests use the same one).
    static let home = packageRoot.appendingPathComponent(".build/sandpiper-test-home")
    static let registry = SandboxRegistry(home: SandboxHome(root: home))

    static let minimal: Result<ResolvedSandbox, SandboxError> = build("minimal")

    private static func build(_ name: String) -> Result<ResolvedSandbox, SandboxError> {
        // One builder at a time, even across test processes: the registry is locked, but two builds of the
        // same spec would both download and unpack.
        let lockPath = home.path + ".lock"
        try? FileManager.default.createDirectory(
            at: home.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        if fd >= 0 { flock(fd, LOCK_EX) }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        let builder = SandboxBuilder(registry: registry, progress: ProgressReporter(style: .quiet))
        let spec = packageRoot.appendingPathComponent("sandboxes/\(name).toml")
        if let existing = builder.upToDate(specURL: spec) { return .success(existing) }
        return Result { () throws(SandboxError) in
            _ = try builder.build(specURL: spec, lockMode: .frozen)
            if name == "python3.11.7" { try registry.setDefault(name) }
            return try registry.resolve(name)
        }
    }
}
