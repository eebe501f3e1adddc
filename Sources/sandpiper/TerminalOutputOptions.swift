import ArgumentParser
import Foundation

/// How the table format fits a terminal: a row cap, and the query's elapsed time under the tables
/// when standard output is a terminal (never in a pipe, where output must not vary from run to run).
struct TerminalOutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Rows the table format prints of each result; the rest are counted (0: all).", valueName: "n"))
    var maxRows: Int = 40

    func validate() throws {
        if maxRows < 0 { throw ValidationError("--max-rows must be 0 (all rows) or more") }
    }

    /// `(0.012 s)` for a terminal, nothing otherwise.
    static func elapsedFooter(_ duration: Duration) -> String {
        guard isatty(STDOUT_FILENO) != 0 else { return "" }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "(%.3f s)\n", seconds)
    }
}
