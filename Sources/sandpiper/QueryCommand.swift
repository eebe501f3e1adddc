import ArgumentParser
import Charts
import Documentation
import Foundation
import KQLEngine
import KQLSyntax
import PythonPlugin
import Shell

/// `sandpiper query`: runs a KQL query (or a script of statements and management commands) and prints
/// each result table.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Run a KQL query and print its results.", discussion: CommandHelp.query)

    @Argument(help: "The query text. Omit it to use -f or standard input.") var query: String?
    @Option(name: [.customShort("f"), .customLong("file")], help: .doc(.queryFile)) var file: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: ResultOutputOptions
    @Option(help: .doc(.chartFile)) var chart: String?
    @Option(name: .customLong("param"), help: .doc(.parameter)) var parameters: [String] = []
    @Flag(help: .doc(.all)) var all = false
    @Flag(help: .doc(.keepGoing)) var keepGoing = false
    @OptionGroup var limits: QueryLimitOptions
    @OptionGroup var python: PythonRunOptions
    @OptionGroup var pythonOutput: PythonOutputOptions

    func validate() throws {
        if query != nil, file != nil { throw ValidationError("give the query as an argument or with -f, not both") }
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

    func run() throws {
        let plugins = python.enginePlugins(
            outputFiles: .folder(pythonOutput.folder), fullTracebacks: pythonOutput.verbose)
        defer { plugins.shutdown() }
        // Ctrl-C stops any query, not only a python() call, with E_CANCELLED.
        let interrupt = QueryInterrupt.install(.endProcess)
        let text = try queryText()
        var properties = try limits.properties()
        properties.parameters = try parameterValues()
        let presenter = output.presenter(chartPath: chart)
        do {
            let db = try database.open()
            let queryFolder = file.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
            let engine = plugins.engine(
                database: db, artifactRoots: python.artifactRoots([queryFolder, database.path]), now: database.clock)
            let execute = { [file, properties] (text: String) throws(KQLError) -> QueryResult in
                try interrupt.run { (c) throws(KQLError) -> QueryResult in
                    try engine.execute(text, sourceName: file, properties: properties, cancellation: c)
                }
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

    /// The argument, the `-f` file, or standard input when it is not a terminal.
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
