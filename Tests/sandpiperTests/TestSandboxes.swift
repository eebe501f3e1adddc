import Foundation
import Sandbox
import Testing

/// The sandboxes the CLI and plugin tests run in, built once into a state folder under the package's
/// `.build/` (so repeated runs reuse them, and a fresh clone builds them from the committed locks).
enum TestSandboxes {
    /// `$SANDPIPER_HOME` for the tests (the supervisor and escape tests in SandboxTests use the same one).
    static let home = SandpiperBinary.packageRoot.appendingPathComponent(".build/sandpiper-test-home")
    static let registry = SandboxRegistry(home: SandboxHome(root: home))

    static let minimal: Result<ResolvedSandbox, SandboxError> = build("minimal")
    /// The default sandbox (scikit-learn and friends), which the seed document's examples need.
    static let standard: Result<ResolvedSandbox, SandboxError> = build("python3.11.7")

    /// Environment variables that point the `sandpiper` binary at the test sandboxes, with the default one as default.
    static var environment: [String: String] { ["SANDPIPER_HOME": home.path] }

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
        let spec = SandpiperBinary.packageRoot.appendingPathComponent("sandboxes/\(name).toml")
        if let existing = builder.upToDate(specURL: spec) { return .success(existing) }
        return Result { () throws(SandboxError) in
            _ = try builder.build(specURL: spec, lockMode: .frozen)
            if name == "python3.11.7" { try registry.setDefault(name) }
            return try registry.resolve(name)
        }
    }
}

@Suite struct TestSandboxesTests {
    /// Fails (rather than letting dependent tests skip) when the sandbox cannot be built, e.g. without PyPI.
    @Test func minimalSandboxBuilds() throws {
        let resolved = try TestSandboxes.minimal.get()
        #expect(FileManager.default.fileExists(atPath: resolved.sitePackages.appendingPathComponent("pandas").path))
    }
}
