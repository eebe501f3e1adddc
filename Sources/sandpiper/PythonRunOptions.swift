import ArgumentParser

/// The options every command that runs `python()` shares (`query`, `conformance run`).
struct PythonRunOptions: ParsableArguments {
    @Flag(name: .customLong("unsafe-no-sandbox"),
          help: "Let python() run without the confinement layers this kernel lacks (see `sandpiper sandbox doctor`); every result says so.")
    var unsafeNoSandbox = false

    /// Applies the options before the first query, and starts the warm workers of eager sandboxes.
    func activate() {
        Sandpiper.allowUnconfined = unsafeNoSandbox
        Sandpiper.prestartSandboxes()
    }
}
