import Foundation
import KQLEngine
import Sandbox

extension Sandpiper {
    /// Set from `--unsafe-no-sandbox` before the first query runs: lets `python()` run without the
    /// confinement layers this kernel lacks (every result then says so). Read once, when the supervisor starts.
    nonisolated(unsafe) static var allowUnconfined = false

    /// One supervisor per CLI process: it keeps a warm worker per sandbox across the queries of a run.
    static let supervisor = Supervisor(configuration: SupervisorConfiguration(allowUnconfined: allowUnconfined))

    /// The tabular plugins `sandpiper query` and `sandpiper conformance` register with the engine;
    /// `external_artifacts` are read only from `artifactRoots`.
    static func queryPlugins(defaultSandbox: String? = nil, artifactRoots: ArtifactRoots = .none) -> [any TabularPlugin] {
        [pythonPlugin(defaultSandbox: defaultSandbox, artifactRoots: artifactRoots)]
    }

    /// The python plugin resolving sandboxes in `$SANDPIPER_HOME`'s registry; a call that names no sandbox
    /// runs in `defaultSandbox`, or the registry's default when that is nil (the conformance matrix sets it).
    static func pythonPlugin(defaultSandbox: String? = nil, artifactRoots: ArtifactRoots = .none) -> PythonPlugin {
        let registry = SandboxRegistry()
        return PythonPlugin(supervisor: supervisor, artifactRoots: artifactRoots) { (name: String?) throws(SandboxError) -> PythonEnvironment in
            PythonEnvironment(try registry.resolve(name ?? defaultSandbox))
        }
    }

    /// Starts, in the background, the warm worker of every sandbox whose policy says
    /// `initialize-on-startup` (ADX's InitializeOnStartup), so the query's first python() call does not
    /// wait for CPython, numpy and pandas to load while the engine works on the operators before it.
    /// Reading the registry happens on that thread too, so a query without python() never waits for it.
    static func prestartSandboxes() {
        let registry = SandboxRegistry()
        // Nothing was ever registered: nothing to start, and no state folder to create.
        guard FileManager.default.fileExists(atPath: registry.home.root.path) else { return }
        Thread.detachNewThread {
            guard let entries = try? registry.entries() else { return }
            let eager = entries.filter { $0.policy.initializeOnStartup }
                .compactMap { try? registry.resolve($0.name) }.map(SandboxSettings.init)
            if !eager.isEmpty { try? supervisor.prestart(eager) }
        }
    }
}
