import ArgumentParser

/// The options every command that runs `python()` shares (`query`, `conformance run`).
struct PythonRunOptions: ParsableArguments {
    @Flag(name: .customLong("unsafe-no-sandbox"),
          help: "Let python() run without the confinement layers this kernel lacks (see `sandpiper sandbox doctor`); every result says so.")
    var unsafeNoSandbox = false

    @Option(name: .customLong("artifacts"),
            help: ArgumentHelp("A folder python()'s external_artifacts may be read from, besides the query file's and the --db folder (repeatable).",
                               valueName: "dir"))
    var artifactFolders: [String] = []

    /// The folders `external_artifacts` may be read from: `folders` (the query file's, the database's)
    /// and every `--artifacts DIR`.
    func artifactRoots(_ folders: [String?]) -> ArtifactRoots {
        ArtifactRoots(folders.compactMap { $0 } + artifactFolders)
    }

    /// Applies the options before the first query, and starts the warm workers of eager sandboxes.
    func activate() {
        Sandpiper.allowUnconfined = unsafeNoSandbox
        Sandpiper.prestartSandboxes()
    }
}
