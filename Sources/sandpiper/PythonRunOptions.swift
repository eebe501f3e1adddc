import ArgumentParser
import Documentation
import PythonPlugin

/// The options every command that runs `python()` shares (`query`, `shell`, `serve`, `conformance run`).
struct PythonRunOptions: ParsableArguments {
    @Flag(name: .customLong("unsafe-no-sandbox"), help: .doc(.unsafeNoSandbox)) var unsafeNoSandbox = false
    @Option(name: .customLong("artifacts"), help: .doc(.artifacts)) var artifactFolders: [String] = []

    /// The folders `external_artifacts` may be read from: `folders` (the query file's, the database's)
    /// and every `--artifacts DIR`.
    func artifactRoots(_ folders: [String?]) -> ArtifactRoots {
        ArtifactRoots(folders.compactMap { $0 } + artifactFolders)
    }

    /// The engine's plugins as the flags configure them, with the warm workers of eager sandboxes
    /// starting; the command calls `shutdown()` on them before it returns. The files scripts write under
    /// `outputs/` go where `outputFiles` says: only `query` writes them (`PythonOutputOptions`); a server
    /// never writes files for its remote clients.
    func enginePlugins(
        outputFiles: PythonOutputFiles = .dropped(reason: "sandpiper serve writes no files for its remote clients"),
        fullTracebacks: Bool = false
    ) -> EnginePlugins {
        let plugins = EnginePlugins(
            PythonPluginConfiguration(
                allowUnconfined: unsafeNoSandbox, outputFiles: outputFiles, fullTracebacks: fullTracebacks))
        plugins.prestartSandboxes()
        return plugins
    }
}
