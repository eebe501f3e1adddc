import Foundation
import KQLEngine
import Sandbox

/// How the python plugin runs scripts, fixed when an engine is composed (the CLI reads it from its flags).
public struct PythonPluginConfiguration: Sendable {
    /// `--unsafe-no-sandbox`: lets `python()` run without the confinement layers this kernel lacks
    /// (every result then says so). Read once, when the supervisor is made.
    public var allowUnconfined: Bool
    /// Where the sandboxes are registered (`$SANDPIPER_HOME`, or its default, when nil).
    public var home: SandboxHome?
    /// The worker executable (nil: `sandpiper-worker` next to the running program).
    public var workerExecutable: String?
    /// Where the files scripts write under `outputs/` go: a folder (`sandpiper query --python-output`), or
    /// nowhere with a notice (the default, and what a server does for its remote clients).
    public var outputFiles: PythonOutputFiles
    /// `--verbose`: errors show the whole Python traceback, library frames and chained exceptions included.
    public var fullTracebacks: Bool

    public init(
        allowUnconfined: Bool = false, home: SandboxHome? = nil, workerExecutable: String? = nil,
        outputFiles: PythonOutputFiles = .dropped(reason: "this program keeps no python() output files"),
        fullTracebacks: Bool = false
    ) {
        self.allowUnconfined = allowUnconfined; self.home = home; self.workerExecutable = workerExecutable
        self.outputFiles = outputFiles; self.fullTracebacks = fullTracebacks
    }
}

/// An engine with its plugins: what the CLI, a server and any embedding program compose.
///
/// Owns one supervisor, which keeps a warm worker per sandbox across every engine made here (the
/// queries of one CLI run, or of a server's life). Its owner calls `shutdown()` before it exits, so
/// no sandbox process, cgroup or memfd outlives it; `Supervisor.installSignalHandlers()` covers Ctrl-C.
public final class EnginePlugins: Sendable {
    public let configuration: PythonPluginConfiguration
    /// The supervisor every python plugin made here runs its scripts through.
    public let supervisor: Supervisor

    public init(_ configuration: PythonPluginConfiguration = PythonPluginConfiguration()) {
        self.configuration = configuration
        self.supervisor = Supervisor(
            workerExecutable: configuration.workerExecutable,
            configuration: SupervisorConfiguration(allowUnconfined: configuration.allowUnconfined))
    }

    private var registry: SandboxRegistry { configuration.home.map { SandboxRegistry(home: $0) } ?? SandboxRegistry() }

    /// An engine over `database` with every tabular plugin; `external_artifacts` are read only from
    /// `artifactRoots`, and a python() call that names no sandbox runs in `defaultSandbox` (nil: the
    /// registry's default).
    public func engine(
        database: any Database, artifactRoots: ArtifactRoots = .none, defaultSandbox: String? = nil,
        now: (@Sendable () -> Int64)? = nil
    ) -> Engine {
        Engine(
            database: database, plugins: plugins(defaultSandbox: defaultSandbox, artifactRoots: artifactRoots), now: now
        )
    }

    /// The tabular plugins an engine registers (today: `python`).
    public func plugins(defaultSandbox: String? = nil, artifactRoots: ArtifactRoots = .none) -> [any TabularPlugin] {
        [pythonPlugin(defaultSandbox: defaultSandbox, artifactRoots: artifactRoots)]
    }

    /// The python plugin resolving sandboxes in the registry; a call that names no sandbox runs in
    /// `defaultSandbox`, or the registry's default when that is nil (the conformance matrix sets it).
    public func pythonPlugin(defaultSandbox: String? = nil, artifactRoots: ArtifactRoots = .none) -> PythonPlugin {
        let registry = registry
        return PythonPlugin(
            supervisor: supervisor, artifactRoots: artifactRoots, outputFiles: configuration.outputFiles,
            fullTracebacks: configuration.fullTracebacks
        ) {
            (name: String?) throws(SandboxError) -> PythonEnvironment in
            PythonEnvironment(try registry.resolve(name ?? defaultSandbox))
        }
    }

    /// Starts, in the background, the warm worker of every sandbox whose policy says
    /// `initialize-on-startup` (ADX's InitializeOnStartup), so the query's first python() call does not
    /// wait for CPython, numpy and pandas to load while the engine works on the operators before it.
    /// Reading the registry happens on that thread too, so a query without python() never waits for it.
    public func prestartSandboxes() {
        let registry = registry, supervisor = supervisor
        // Nothing was ever registered: nothing to start, and no state folder to create.
        guard FileManager.default.fileExists(atPath: registry.home.root.path) else { return }
        Thread.detachNewThread {
            guard let entries = try? registry.entries() else { return }
            let eager = entries.filter { $0.policy.initializeOnStartup }
                .compactMap { try? registry.resolve($0.name) }.map(SandboxSettings.init)
            if !eager.isEmpty { try? supervisor.prestart(eager) }
        }
    }

    /// Stops the warm workers and spare children (removing their cgroups).
    public func shutdown() { supervisor.shutdown() }
}
