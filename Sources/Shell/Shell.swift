import Charts
import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import PythonPlugin
import SystemCalls

/// `sandpiper shell`: reads queries and shell commands (`DotCommand`) from a `LineSource` and prints
/// each result, over one engine whose plugins live as long as the session, so the python() worker started
/// by the first call stays warm for the next. Charts of `render` are written into a folder and their paths
/// printed; Ctrl-C cancels the running query (`QueryInterrupt`) and the prompt comes back.
public final class Shell {
    /// How the session starts; shell commands change these as it goes.
    public struct Options: Sendable {
        /// The `--db` folder or file; nil for the embedded sample database.
        public var database: String?
        /// Leave out CSV/TSV records that do not fit instead of refusing the file.
        public var skipBadRows = false
        public var format: ResultFormat = .table
        /// Whether each query's elapsed time is printed; nil: when standard output is a terminal.
        public var timer: Bool?
        /// Rows the table format prints of each result (0: all).
        public var maxRows = 40
        /// Widest cell of the table format (0: no limit).
        public var maxCellWidth = 48
        /// Widest table of the table format (0: no limit); nil: the terminal's width, none in a pipe.
        public var tableWidth: Int?
        /// The format `render` charts are written in; nil writes none.
        public var chart: ChartFormat? = .svg
        /// The folder charts are written into (made when the first chart is).
        public var chartFolder = "sandpiper-charts"
        /// A fixed `now()` (nanoseconds since the epoch), for reproducible sessions.
        public var now: Int64?
        /// Folders python()'s external_artifacts may be read from, besides the database's.
        public var artifactFolders: [String] = []
        /// The client request properties (limits) every query starts from.
        public var properties = RequestProperties()

        public init() {}
    }

    private var options: Options
    private let plugins: EnginePlugins
    private let interrupt: QueryInterrupt
    private var database: any Database
    private var engine: Engine
    /// Names the session's chart files, so two sessions in one folder do not overwrite each other's.
    private let sessionStamp: String
    private var chartCount = 0
    private var failures = 0
    /// Called when the database changes (the terminal's completion follows it).
    private var onDatabase: ((any Database) -> Void)?

    /// A session over `options.database` (or the sample database) with `plugins`, which the caller
    /// shuts down after `run`. Ctrl-C is handled by `interrupt`.
    public init(options: Options, plugins: EnginePlugins, interrupt: QueryInterrupt) throws(KQLError) {
        self.options = options
        self.plugins = plugins
        self.interrupt = interrupt
        let database = try Self.open(options.database, options: options)
        self.database = database
        self.engine = Self.engine(database, options: options, plugins: plugins)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        sessionStamp = formatter.string(from: Date())
    }

    /// Runs the session to the end of its input or `.quit`; returns the number of queries and commands
    /// that failed.
    @discardableResult
    public func run(_ source: LineSource) -> Int {
        if let terminal = source as? TerminalLineSource {
            terminal.complete(from: ShellCompletion(database: database))
            onDatabase = { terminal.complete(from: ShellCompletion(database: $0)) }
            say(
                "Sandpiper shell: \(describeDatabase()). Type a query and a blank line (or end it with ;) to run it;\n"
                    + ".help lists the commands; Ctrl-C stops a query, Ctrl-D or .quit leaves.\n")
        }
        var reader = StatementReader()
        while true {
            let prompt = reader.isContinuing ? "  -> " : "kql> "
            guard let line = source.readLine(prompt: prompt, context: reader.pendingText) else {
                if let item = reader.finish(), !perform(item, source) { return failures }
                if source.isInteractive { say("\n") }
                return failures
            }
            let item: StatementReader.Item?
            do { item = try reader.add(line) } catch {
                report(error)
                continue
            }
            if let item, !perform(item, source) { return failures }
        }
    }

    /// Does one thing; false when the session ends.
    private func perform(_ item: StatementReader.Item, _ source: LineSource) -> Bool {
        switch item {
        case .command(let command):
            source.remember(Self.text(of: command))
            return apply(command)
        case .query(let text):
            source.remember(text.hasPrefix(".") ? text : text + ";")
            runQuery(text)
            return true
        }
    }

    /// A shell command as it is kept in the history.
    private static func text(of command: DotCommand) -> String {
        switch command {
        case .quit: return ".quit"
        case .help: return ".help"
        case .timer(let on): return ".timer \(on ? "on" : "off")"
        case .format(let f): return ".format \(f.rawValue)"
        case .database(let d): return ".db" + (d.map { " " + $0 } ?? "")
        case .chart(let c): return ".chart \(c?.rawValue ?? "off")"
        case .width(let n): return ".width \(n)"
        case .rows(let n): return ".rows \(n)"
        }
    }

    private func apply(_ command: DotCommand) -> Bool {
        switch command {
        case .quit: return false
        case .help: say(DotCommand.helpText)
        case .timer(let on): options.timer = on
        case .format(let format): options.format = format
        case .chart(let format): options.chart = format
        case .width(let n): options.tableWidth = n
        case .rows(let n): options.maxRows = n
        case .database(nil): say("database: \(describeDatabase())\n")
        case .database(let path?):
            let target = path == "sample" ? nil : path
            do {
                var next = options
                next.database = target
                let opened = try Self.open(target, options: next)
                options = next
                database = opened
                engine = Self.engine(opened, options: options, plugins: plugins)
                onDatabase?(opened)
                say("database: \(describeDatabase())\n")
                for (name, note) in opened.notes where note.hasPrefix("not loaded: ") {
                    warn("warning: table \(name) was \(note); queries that name it fail\n")
                }
            } catch {
                report(error)
            }
        }
        return true
    }

    /// Runs one query (or script of statements) and prints its results, charts and time.
    private func runQuery(_ text: String) {
        let started = ContinuousClock.now
        let engine = self.engine, properties = options.properties
        let result: QueryResult
        do {
            result = try interrupt.run { (cancellation) throws(KQLError) -> QueryResult in
                try engine.execute(text, properties: properties, cancellation: cancellation)
            }
        } catch {
            report(error)
            return
        }
        let elapsed = ContinuousClock.now - started
        var printable = result.tables.map {
            PrintableResult(
                table: $0.table, pluginOutput: $0.pluginOutput, truncation: $0.truncation, pluginFiles: $0.pluginFiles)
        }
        for i in printable.indices where printable[i].table.visualization != nil {
            guard let format = options.chart else { continue }
            do {
                printable[i].chartFile = try writeChart(printable[i].table, format: format)
                if options.format != .table {
                    warn("chart written to \(DisplayText.forTerminal(printable[i].chartFile ?? ""))\n")
                }
            } catch {
                report(error)
            }
        }
        // The same presenter as `sandpiper query`: json gets its visualization and statistics lines.
        let toTerminal = Terminal.isTerminal(STDOUT_FILENO)
        var presenter = ResultPresenter(
            format: options.format, maxCellWidth: options.maxCellWidth, maxRows: options.maxRows,
            showsElapsedFooter: options.timer ?? toTerminal)
        presenter.maxTableWidth = options.tableWidth ?? (toTerminal ? Terminal.columns(STDOUT_FILENO) ?? 0 : 0)
        presenter.present(printable, elapsed: elapsed)
    }

    /// Writes a chart into the chart folder; returns its path.
    private func writeChart(_ table: Table, format: ChartFormat) throws(ChartError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: options.chartFolder, withIntermediateDirectories: true)
        } catch {
            throw ChartError(
                .chartOutput, "cannot make the chart folder '\(options.chartFolder)': \(error.localizedDescription)",
                hint: "start the shell with --chart-dir DIR naming a writable folder, or type .chart off")
        }
        chartCount += 1
        let kind = table.visualization?.kind ?? "chart"
        let path = (options.chartFolder as NSString).appendingPathComponent(
            "\(sessionStamp)-\(chartCount)-\(kind).\(format.rawValue)")
        try ChartFile.write(table, to: path)
        return path
    }

    private func describeDatabase() -> String {
        let tables = database.tableNames
        let list = tables.count <= 6 ? tables.joined(separator: ", ") : "\(tables.count) tables"
        return (options.database.map { "folder \($0)" } ?? "the sample database") + " (\(list))"
    }

    private func report(_ error: any Error) {
        failures += 1
        warn(DisplayText.forTerminal("\(error)") + "\n")
    }

    private func say(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    private func warn(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    private static func open(_ path: String?, options: Options) throws(KQLError) -> any Database {
        if let path { return try FolderDatabase(path: path, skipBadRows: options.skipBadRows) }
        return SampleDatabase.make(now: options.now ?? Int64(Date().timeIntervalSince1970 * 1e9))
    }

    private static func engine(_ database: any Database, options: Options, plugins: EnginePlugins) -> Engine {
        let now = options.now
        return plugins.engine(
            database: database,
            artifactRoots: ArtifactRoots([options.database].compactMap { $0 } + options.artifactFolders),
            now: now.map { t in { @Sendable in t } })
    }
}
