import ArgumentParser
import Columnar
import Conformance
import Foundation
import KQLEngine
import KQLSyntax
import PythonPlugin
import Server

/// `sandpiper conformance`: checks the engine against documents and case files.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Check the engine against markdown documents and .kqltest case files.",
        subcommands: [ConformanceRunCommand.self]
    )
}

extension ReportFormat: ExpressibleByArgument {}

/// `sandpiper conformance run PATH...`
struct ConformanceRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the examples of documents and case files and compare them with their expected results.",
        discussion: """
            A document is markdown (any extension): each ```kusto or ```kql block is an example, a ```python \
            block right after a python() call without a script is its inline code, and the first table after \
            it in its section is its expected result (none: it must only run without error). Folders are \
            searched recursively for .md, .markdown, .txt and .kqltest files.

            Expectations live beside documents, never in them: <document>.expect.toml, \
            <stem>.expect.toml, conformance/seed/<stem>.expect.toml (from the current folder up), and a \
            folder's conformance.expect.toml, after any --expectations FILE. See docs/conformance.md.

            Exit status: 0 when every example passed, failed as expected or was skipped; 1 when anything \
            unexpected happened (a failure, an error, a stale expectation, a missing input); 2 on bad usage.
            """
    )

    @Argument(help: ArgumentHelp("Documents, .kqltest files, or folders of them.", valueName: "path"))
    var paths: [String]

    @Option(
        help: ArgumentHelp(
            "Run python examples in each of these sandboxes (comma-separated) and add a compatibility matrix.",
            valueName: "name[,name...]"))
    var sandbox: String?

    @Option(help: ArgumentHelp("Only examples whose location, id or query contains this text.", valueName: "text"))
    var filter: String?

    @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Option(
        name: [.customLong("format"), .customLong("report")],
        help:
            "Report format: table, json (one object per example and line), or html (one page, with the charts of render examples)."
    )
    var format: ReportFormat = .table

    @Flag(help: "Write the actual results of examples without an expected table or expectation into .kqltest files.")
    var complete = false

    @Option(help: ArgumentHelp("Folder for the --complete case files.", valueName: "dir"))
    var completeDir = "conformance/completed"

    @Option(help: ArgumentHelp("Expectations file consulted before the sidecars (repeatable).", valueName: "file"))
    var expectations: [String] = []

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("Use a folder of .csv/.tsv/.jsonl files as the database.", valueName: "dir"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Fix the current time (ISO 8601), for reproducible ago()/now() and sample data.", valueName: "datetime"))
    var now: String?

    func validate() throws {
        if let now, DateTimeFormat.parse(now) == nil {
            throw ValidationError(
                "--now '\(now)' is not a datetime from 1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z; write e.g. 2024-01-01T00:00:00Z"
            )
        }
        if let sandbox, ConformanceRun.sandboxNames(sandbox).isEmpty {
            throw ValidationError("--sandbox needs at least one name")
        }
    }

    @Option(
        help: ArgumentHelp(
            "Run against this Kusto endpoint (sandpiper serve, the emulator, ADX) instead of the embedded engine.",
            valueName: "url"))
    var target: String?

    @Option(help: ArgumentHelp("The --target database.", valueName: "name")) var targetDatabase = "Sandpiper"

    @Option(
        help: ArgumentHelp(
            "A file holding the --target's bearer token (else $SANDPIPER_KUSTO_TOKEN, if set).", valueName: "file"))
    var tokenFile: String?

    @OptionGroup var python: PythonRunOptions

    func run() throws {
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        let sandboxes = sandbox.map(ConformanceRun.sandboxNames) ?? []
        let fixedNow = now.flatMap(DateTimeFormat.parse)
        let anchor = fixedNow ?? Int64(Date().timeIntervalSince1970 * 1e9)
        let db: any Database
        do {
            db =
                try database.map { (path) throws(KQLError) in try FolderDatabase(path: path) }
                ?? SampleDatabase.make(now: anchor)
        } catch {
            FileHandle.standardError.write(Data((DisplayText.forTerminal(error.description) + "\n").utf8))
            throw ExitCode(1)
        }
        // A document's (or case file's) folder is where its examples' artifacts lie, as a query file's is.
        let roots = python.artifactRoots(paths.map(ConformanceRun.folder(of:)) + [database])
        // Python calls that name no sandbox run in the one asked for, so the matrix runs each example in every sandbox.
        let pluginsFor: @Sendable (String?) -> [any TabularPlugin] = {
            plugins.plugins(defaultSandbox: $0, artifactRoots: roots)
        }
        let run = ConformanceRun(paths: paths, sandboxes: sandboxes, filter: filter, expectationFiles: expectations)
        let report: RunReport
        if let target {
            guard let url = URL(string: target), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--target '\(target)' is not an http(s) URL")
            }
            let token =
                try ServerConfiguration.token(file: tokenFile)
                ?? ProcessInfo.processInfo.environment["SANDPIPER_KUSTO_TOKEN"]
            let remote = RemoteExampleRunner(KustoEndpoint(url: url, database: targetDatabase, token: token))
            report = run.run(runner: remote, caseFiles: remote.caseFiles)
        } else {
            let runner = EngineExampleRunner(
                database: db, plugins: pluginsFor, now: fixedNow.map { t in { @Sendable in t } })
            report = run.run(runner: runner, caseFiles: KQLTestCaseFiles(now: fixedNow, plugins: pluginsFor))
        }

        let (stdout, stderr) = report.rendered(format)
        FileHandle.standardOutput.write(Data(stdout.utf8))
        FileHandle.standardError.write(Data(stderr.utf8))
        var failed = !report.succeeded
        if let junit {
            do { try CaseFileWriter.write(JUnitReport.render(report), to: junit) } catch {
                FileHandle.standardError.write(Data((DisplayText.forTerminal(error.description) + "\n").utf8))
                failed = true
            }
        }
        if complete {
            failed =
                !report.writeCompletedCaseFiles(into: completeDir) { FileHandle.standardError.write(Data($0.utf8)) }
                || failed
        }
        if failed { throw ExitCode(1) }
    }
}
