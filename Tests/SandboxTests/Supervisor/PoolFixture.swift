import Columnar
import Foundation
import Testing
@testable import Sandbox

/// The `minimal` sandbox for the supervisor and escape tests, in a fixed `SANDPIPER_HOME` under the
/// package's `.build/` so it is built (from the committed lock, like `MinimalFixture`) once and reused
/// by later test runs.
enum PoolFixture {
    static let home = SandboxHome(root: repositoryRoot.appendingPathComponent(".build/sandpiper-test-home"))
    static let registry = SandboxRegistry(home: home)

    static let minimal: Result<SandboxSettings, SandboxError> = {
        if let resolved = try? registry.resolve("minimal") { return .success(SandboxSettings(resolved)) }
        let builder = SandboxBuilder(registry: registry, progress: ProgressReporter(style: .quiet))
        let spec = repositoryRoot.appendingPathComponent("sandboxes/minimal.toml")
        return Result { () throws(SandboxError) in
            _ = try builder.build(specURL: spec, lockMode: .frozen)
            return SandboxSettings(try registry.resolve("minimal"))
        }
    }()

    static var available: Bool { (try? minimal.get()) != nil }
    static var unavailableReason: Comment {
        "the minimal sandbox could not be built: \((try? minimal.get()).map { _ in "" } ?? "\(minimal)")"
    }

    /// `minimal` under a test policy: small ceiling, short time limit.
    static func sandbox(memoryMB: Int = 256, timeoutSeconds: Int = 30, poolSize: Int = 2, cpuPercent: Int = 100) throws
        -> SandboxSettings
    {
        var s = try minimal.get()
        s.policy.memoryMB = memoryMB
        s.policy.timeoutSeconds = timeoutSeconds
        s.policy.poolSize = poolSize
        s.policy.cpuPercent = cpuPercent
        return s
    }

    /// The default sandbox (scipy, scikit-learn) when it has been built into the test home.
    static var defaultSandbox: SandboxSettings? {
        (try? registry.resolve(SandboxRegistry.builtinDefault)).map(SandboxSettings.init)
    }

    /// Whether this machine can confine (root, namespaces, seccomp): the confined tests need it.
    static var canConfine: Bool { Supervisor.machineProbe.isRoot && Supervisor.machineProbe.seccomp }

    static let oneRow = Table([("x", Column(int64s: [1])), ("s", Column(strings: ["a"]))])
}
