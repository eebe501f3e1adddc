import ArgumentParser
import Charts
import Documentation
import Foundation
import KQLEngine
import Shell

/// `sandpiper shell` (and `sandpiper` alone on a terminal): the interactive shell of the Shell library.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Type KQL queries at a prompt (the default when sandpiper runs on a terminal without arguments).",
        discussion: CommandHelp.shell)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: ResultOutputOptions
    @Option(help: .doc(.chartFormat)) var chart: String = "svg"
    @Option(help: .doc(.chartDir)) var chartDir: String = "sandpiper-charts"
    @OptionGroup var limits: QueryLimitOptions
    @OptionGroup var python: PythonRunOptions

    func validate() throws {
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
        options.database = database.path
        options.skipBadRows = database.skipBadRows
        options.now = database.fixedNow
        options.format = output.format
        options.maxRows = output.maxRows
        options.maxCellWidth = output.maxWidth
        if output.maxWidth == 0 { options.tableWidth = 0 }
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
