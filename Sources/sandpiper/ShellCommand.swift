import ArgumentParser
import Charts
import Columnar
import Foundation
import KQLEngine
import Shell

/// `sandpiper shell` (and `sandpiper` alone on a terminal): the interactive shell of the Shell library.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Type KQL queries at a prompt (the default when sandpiper runs on a terminal without arguments).",
        discussion: """
            A blank line or a line ending in ';' runs the query typed so far; Tab completes; .help lists the \
            shell's commands (.timer, .format, .db, .chart, .width, .rows, .quit). Charts of queries that end \
            in render are written into --chart-dir. Ctrl-C stops the running query, Ctrl-D leaves. With \
            standard input not a terminal, the queries are read from it in the same syntax, without prompts; \
            the exit status is then 1 when any failed. See docs/repl.md.
            """
    )

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "Use a folder of .csv/.tsv/.jsonl files (or one such file) as the database.", valueName: "dir"))
    var database: String?

    @Option(help: "Output format: table, csv, json or markdown (.format changes it).")
    var format: ResultFormat = .table

    @Option(help: ArgumentHelp("Fix the current time (ISO 8601).", valueName: "datetime"))
    var now: String?

    @Option(
        help: ArgumentHelp(
            "Widest cell in the table format (0: no limit on cells or on the table's width).", valueName: "n"))
    var maxWidth: Int = 48

    @Option(help: ArgumentHelp("Format of render charts: svg, png, html, vl.json or off.", valueName: "format"))
    var chart: String = "svg"

    @Option(help: ArgumentHelp("Folder the charts are written into.", valueName: "dir"))
    var chartDir: String = "sandpiper-charts"

    @OptionGroup var terminal: TerminalOutputOptions
    @OptionGroup var limits: QueryLimitOptions
    @OptionGroup var databaseReading: DatabaseReadOptions
    @OptionGroup var python: PythonRunOptions

    func validate() throws {
        if let now, DateTimeFormat.parse(now) == nil { throw ValidationError("--now '\(now)' is not a datetime") }
        if maxWidth != 0, maxWidth < 4 { throw ValidationError("--max-width must be 0 (no limit) or at least 4") }
        if chart != "off", ChartFormat(rawValue: chart) == nil {
            throw ValidationError("--chart must be svg, png, html, vl.json or off")
        }
    }

    /// The arguments to parse: `shell` when sandpiper runs with none on a terminal.
    static func arguments(_ given: [String]) -> [String] {
        given.isEmpty && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 ? ["shell"] : given
    }

    func run() throws {
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        var options = Shell.Options()
        options.database = database
        options.skipBadRows = databaseReading.skipBadRows
        options.format = format
        options.now = now.flatMap(DateTimeFormat.parse)
        options.maxRows = terminal.maxRows
        options.maxCellWidth = maxWidth
        if maxWidth == 0 { options.tableWidth = 0 }
        options.chart = ChartFormat(rawValue: chart)
        options.chartFolder = chartDir
        options.artifactFolders = python.artifactFolders
        options.properties = try limits.properties()
        let interrupt = QueryInterrupt.install(.keepRunning)
        let source: any LineSource =
            isatty(STDIN_FILENO) != 0
            ? TerminalLineSource(historyFile: TerminalLineSource.defaultHistoryFile) : StreamLineSource()
        let shell: Shell
        do { shell = try Shell(options: options, plugins: plugins, interrupt: interrupt) } catch {
            FileHandle.standardError.write(Data((DisplayText.forTerminal("\(error)") + "\n").utf8))
            throw ExitCode(1)
        }
        if shell.run(source) > 0, !source.isInteractive { throw ExitCode(1) }
    }
}
