import ArgumentParser
import Charts
import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import PythonPlugin

extension ResultFormat: ExpressibleByArgument {}

/// `sandpiper query`: runs a KQL query (or a script of statements and management commands) and prints
/// each result table.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a KQL query and print its results.",
        discussion: """
            The query comes from the argument, from -f FILE, or from standard input. Without --db the \
            embedded sample database is used (tables Events, StormEvents, Customers, Sales). With --db DIR \
            each .csv, .tsv or .jsonl file in DIR is a table named after the file, each DIR/functions/NAME.kql \
            a stored function, and management commands (.create table, .set-or-append, .create function, ...) \
            write there; without --db, what they write lasts for this command only.

            Each statement runs under ADX's query limits (docs/limits.md): results are truncated at 500000 \
            records or 64 MB with a partial-result notice on standard error (E_QUERY_RESULT_SET_TOO_LARGE), \
            each operator may use 5 GB or a quarter of physical memory, whichever is less (E_QUERY_MEMORY), \
            and the query may run 10 minutes (E_QUERY_TIMEOUT). The flags below and `set` statements in the \
            query change them; when both give a limit, the lower value applies.

            Exit status: 0 on success (also for a truncated result), 1 when the query fails (the error, with \
            line:column, is on standard error), 2 on bad usage.
            """
    )

    @Argument(help: "The query text. Omit it to use -f or standard input.")
    var query: String?

    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: ArgumentHelp("Read the query from a file.", valueName: "file"))
    var file: String?

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "Use a folder of .csv/.tsv/.jsonl files (or one such file) as the database.", valueName: "dir"))
    var database: String?

    @Option(help: "Output format: table, csv, json (one object per result table and line) or markdown.")
    var format: ResultFormat = .table

    @Option(
        help: ArgumentHelp(
            "Fix the current time (ISO 8601), for reproducible ago()/now() and sample data.", valueName: "datetime"))
    var now: String?

    @Option(
        help: ArgumentHelp(
            "Widest cell in the table format before it is cut with an ellipsis (0: no limit).", valueName: "n"))
    var maxWidth: Int = 48

    @Option(
        help: ArgumentHelp(
            "Write the chart of a result that ends in render to this .svg, .png, .html or .vl.json file (further charts: FILE-2.svg, ...).",
            valueName: "file"))
    var chart: String?

    @OptionGroup var terminal: TerminalOutputOptions

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "A value for a parameter of `declare query_parameters`: a KQL literal of its type, or for a string any text (repeatable).",
            valueName: "name=value"))
    var parameters: [String] = []

    @Flag(
        help:
            "With -f: run every query of the file (a blank line outside a ``` string ends one) and print each result after a header."
    )
    var all = false

    @Flag(help: "With --all: run the remaining queries after one fails (the exit status is still 1).")
    var keepGoing = false

    func validate() throws {
        if query != nil, file != nil { throw ValidationError("give the query as an argument or with -f, not both") }
        if let now, DateTimeFormat.parse(now) == nil {
            throw ValidationError(
                "--now '\(now)' is not a datetime from 1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z; write e.g. 2024-01-01T00:00:00Z"
            )
        }
        if maxWidth != 0, maxWidth < 4 { throw ValidationError("--max-width must be 0 (no limit) or at least 4") }
        if let chart {
            do { _ = try ChartFormat(path: chart) } catch {
                throw ValidationError("--chart: \(error.message); \(error.hint ?? "")")
            }
        }
        if all, file == nil { throw ValidationError("--all runs the queries of a file: give it with -f FILE") }
        if keepGoing, !all { throw ValidationError("--keep-going only applies with --all") }
        if all, chart != nil {
            throw ValidationError("--chart draws the charts of one query: run that query without --all")
        }
        _ = try parameterValues()
    }

    /// `--param name=value` pairs; a name given twice keeps its last value.
    private func parameterValues() throws -> [String: String] {
        do { return try RequestProperties.parameters(parameters) } catch { throw ValidationError(error.message) }
    }

    @OptionGroup var limits: QueryLimitOptions

    @OptionGroup var databaseReading: DatabaseReadOptions

    @OptionGroup var python: PythonRunOptions

    func run() throws {
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        let text = try queryText()
        let fixedNow = now.flatMap(DateTimeFormat.parse)
        var properties = try limits.properties()
        properties.parameters = try parameterValues()
        let presenter = ResultPresenter(
            format: format, maxCellWidth: maxWidth, maxRows: terminal.maxRows, chartPath: chart,
            showsElapsedFooter: isatty(STDOUT_FILENO) != 0)
        do {
            let db: any Database =
                try database.map { (path) throws(KQLError) in try databaseReading.open(path) }
                ?? SampleDatabase.make(now: fixedNow ?? Int64(Date().timeIntervalSince1970 * 1e9))
            let queryFolder = file.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
            let engine = plugins.engine(
                database: db, artifactRoots: python.artifactRoots([queryFolder, database]),
                now: fixedNow.map { t in { @Sendable in t } })
            let execute = { [file] (text: String) throws(KQLError) -> QueryResult in
                try engine.execute(text, sourceName: file, properties: properties)
            }
            let succeeded =
                try all ? presenter.runEach(text, keepGoing: keepGoing, execute) : presenter.run(text, execute)
            presenter.err(DatabaseNotices.text(db))
            if !succeeded { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            presenter.err(DisplayText.forTerminal("\(error)") + "\n")
            throw ExitCode(1)
        }
    }

    private func queryText() throws -> String {
        if let query { return query }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the query file '\(file)'")
            }
            return String(decoding: data, as: UTF8.self)
        }
        if isatty(STDIN_FILENO) != 0 {
            throw ValidationError("no query: give it as an argument, with -f FILE, or on standard input")
        }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
