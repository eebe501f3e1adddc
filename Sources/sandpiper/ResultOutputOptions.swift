import ArgumentParser
import Documentation
import Foundation
import KQLEngine
import SystemCalls

extension ResultFormat: ExpressibleByArgument {}

/// `--format`, `--max-width` and `--max-rows`: how `query` and the shell print results.
struct ResultOutputOptions: ParsableArguments {
    @Option(help: .doc(.resultFormat)) var format: ResultFormat = .table
    @Option(help: .doc(.maxWidth)) var maxWidth: Int = 48
    @Option(help: .doc(.maxRows)) var maxRows: Int = 40

    func validate() throws {
        if maxWidth != 0, maxWidth < 4 { throw ValidationError("--max-width must be 0 (no limit) or at least 4") }
        if maxRows < 0 { throw ValidationError("--max-rows must be 0 (all rows) or more") }
    }

    /// A presenter for standard output: as wide as the terminal (unless `--max-width 0`), with the elapsed
    /// time under a table printed to a terminal.
    func presenter(chartPath: String?) -> ResultPresenter {
        let toTerminal = isatty(STDOUT_FILENO) != 0
        var presenter = ResultPresenter(
            format: format, maxCellWidth: maxWidth, maxRows: maxRows, chartPath: chartPath,
            showsElapsedFooter: toTerminal && format == .table)
        presenter.maxTableWidth = maxWidth == 0 ? 0 : Terminal.columns(STDOUT_FILENO) ?? 0
        return presenter
    }
}
