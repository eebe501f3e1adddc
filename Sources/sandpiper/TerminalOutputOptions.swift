import ArgumentParser

/// How the table format fits a terminal: a row cap.
struct TerminalOutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Rows the table format prints of each result; the rest are counted (0: all).", valueName: "n"))
    var maxRows: Int = 40

    func validate() throws {
        if maxRows < 0 { throw ValidationError("--max-rows must be 0 (all rows) or more") }
    }
}
