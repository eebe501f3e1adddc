import Charts
import Columnar
import Foundation
import KQLSyntax

/// How a command line shows what queries return (`sandpiper query`, and any shell over the engine): it
/// draws the charts of results that end in `render` into files, prints the tables in a ``ResultFormat``,
/// adds the query's statistics (an elapsed-time footer on a terminal, a `{"statistics":...}` line in
/// json), and runs the queries of a query file one after another. Text goes to two sinks, standard output
/// and standard error, so a test or a shell can collect it.
public struct ResultPresenter: Sendable {
    /// The form results are printed in.
    public var format: ResultFormat
    /// Widest cell of the table form before it is cut with an ellipsis (0: no limit).
    public var maxCellWidth: Int
    /// Rows the table form prints of each result (0: all of them).
    public var maxRows: Int
    /// Widest table of the table form, in characters (0: no limit; a terminal's width when printing to one).
    public var maxTableWidth: Int = 0
    /// Where the charts of results that end in `render` are written (further ones: `FILE-2.svg`, ...), or nil.
    public var chartPath: String?
    /// Whether the output ends with the elapsed time (json has it in its statistics line instead):
    /// `query` shows it in the table form on a terminal, never in a pipe, where output must not vary from
    /// run to run; the shell when its `.timer` is on.
    public var showsElapsedFooter: Bool
    /// Receives what belongs on standard output.
    public var out: @Sendable (String) -> Void
    /// Receives what belongs on standard error (notices, plugin output, errors).
    public var err: @Sendable (String) -> Void

    /// A presenter; by default it writes to the process's standard output and standard error.
    public init(
        format: ResultFormat, maxCellWidth: Int = 48, maxRows: Int = 0, chartPath: String? = nil,
        showsElapsedFooter: Bool = false,
        out: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.format = format; self.maxCellWidth = maxCellWidth; self.maxRows = maxRows; self.chartPath = chartPath
        self.showsElapsedFooter = showsElapsedFooter; self.out = out; self.err = err
    }

    /// Runs `text` (every statement of it) with `execute` and shows the result; false when a chart could
    /// not be drawn. A query error is thrown, for the caller to print and turn into its exit status.
    /// `execute` is the caller's way to run a query (`engine.execute`, perhaps under a cancellation).
    public func run(_ text: String, _ execute: (String) throws(KQLError) -> QueryResult) throws(KQLError) -> Bool {
        let started = ContinuousClock.now
        let result = try execute(text)
        return show(result, elapsed: ContinuousClock.now - started)
    }

    /// Runs each query of a query file (``QueryFile``: a blank line outside a ```` ``` ```` string ends one)
    /// with `execute` and shows its result, after a `-- query N (line L)` header in the table and markdown
    /// forms. A query that fails has its error printed; the rest are skipped unless `keepGoing`. True when
    /// none failed. Each query's text keeps the file's line numbers, so errors point into the file.
    public func runEach(
        _ text: String, keepGoing: Bool = false, _ execute: (String) throws(KQLError) -> QueryResult
    ) -> Bool {
        var failed = false
        for (i, q) in QueryFile.split(text).enumerated() {
            if format == .table || format == .markdown {
                out("\(i > 0 ? "\n" : "")-- query \(i + 1) (line \(q.line))\n")
            }
            do {
                _ = try run(q.text, execute)
            } catch {
                err(DisplayText.forTerminal(error.description) + "\n")
                failed = true
                if !keepGoing { break }
            }
        }
        return !failed
    }

    /// Shows a result's tables, after drawing the charts of those that end in `render` into `chartPath`,
    /// then its statistics; false when a chart could not be drawn. Charts are drawn before anything is
    /// printed, so a chart that cannot be drawn fails with the tables still printed and no half-written file.
    public func show(_ result: QueryResult, elapsed: Duration) -> Bool {
        var printable = result.tables.map {
            PrintableResult(
                table: $0.table, pluginOutput: $0.pluginOutput, truncation: $0.truncation, pluginFiles: $0.pluginFiles)
        }
        var chartError: ChartError?
        if let chartPath {
            let charted = printable.indices.filter { printable[$0].table.visualization != nil }
            for (i, path) in zip(charted, ChartFile.paths(chartPath, count: charted.count)) where chartError == nil {
                do { try ChartFile.write(printable[i].table, to: path); printable[i].chartFile = path } catch {
                    chartError = error
                }
            }
            if charted.isEmpty { err("--chart: no result ends in render; no chart was written\n") }
        }
        present(printable, elapsed: elapsed)
        guard let chartError else { return true }
        err(DisplayText.forTerminal(chartError.description) + "\n")
        return false
    }

    /// Prints results whose charts are drawn (or not wanted): the tables in `format` (with a
    /// `{"visualization":...}` line after each that ends in `render`, in json), then the statistics: a
    /// `{"statistics":...}` line in json, else the elapsed-time footer when `showsElapsedFooter`.
    public func present(_ printable: [PrintableResult], elapsed: Duration) {
        let rendered = ResultRenderer.render(
            printable, format: format, maxCellWidth: maxCellWidth, maxRows: format == .table ? maxRows : 0,
            maxTableWidth: maxTableWidth)
        out(rendered.stdout)
        if format == .json {
            out(JSONResultFormatter.statisticsLine(elapsed: elapsed, tables: printable.map(\.table)) + "\n")
        } else if showsElapsedFooter {
            out(Self.elapsedFooter(elapsed))
        }
        if !rendered.stderr.isEmpty { err(rendered.stderr) }
    }

    /// The table form's footer: `(0.012 s)`.
    public static func elapsedFooter(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "(%.3f s)\n", seconds)
    }
}
