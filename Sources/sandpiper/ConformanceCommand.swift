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

/// Report formats of `conformance run`.
enum ConformanceFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
}

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

            With --target twice, every example and record runs on both endpoints and their answers are \
            compared with each other cell by cell, one line per query (equal, or the first differing cell); \
            exit status 1 when any differ.
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
    var format: ConformanceFormat = .table

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
        if let sandbox, sandboxNames(sandbox).isEmpty { throw ValidationError("--sandbox needs at least one name") }
        if target.count > 2 { throw ValidationError("--target compares at most two endpoints") }
        for t in target {
            guard let url = URL(string: t), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--target '\(t)' is not an http(s) URL")
            }
        }
    }

    @Option(
        help: ArgumentHelp(
            "Run against this Kusto endpoint (sandpiper serve, the emulator, ADX) instead of the embedded engine; twice: compare the two endpoints' answers cell by cell.",
            valueName: "url"))
    var target: [String] = []

    @Option(help: ArgumentHelp("The --target database.", valueName: "name")) var targetDatabase = "Sandpiper"

    @Option(
        help: ArgumentHelp(
            "A file holding the --target's bearer token (else $SANDPIPER_KUSTO_TOKEN, if set).", valueName: "file"))
    var tokenFile: String?

    @OptionGroup var python: PythonRunOptions

    /// A path's folder: itself when it is one, else the folder it is in.
    static func folder(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// The endpoint of a `--target` URL, with the token of `--token-file` or `$SANDPIPER_KUSTO_TOKEN`.
    func endpoint(_ target: String) throws -> KustoEndpoint {
        let token =
            try ServerConfiguration.token(file: tokenFile)
            ?? ProcessInfo.processInfo.environment["SANDPIPER_KUSTO_TOKEN"]
        return KustoEndpoint(url: URL(string: target)!, database: targetDatabase, token: token)
    }

    /// `--target A --target B`: both endpoints' answers to every query, compared with each other.
    func compareTargets() throws {
        let (a, b) = (try endpoint(target[0]), try endpoint(target[1]))
        let (queries, problems) = EndpointComparison.queries(paths: paths, filter: filter)
        let entries = EndpointComparison(a, b).compare(queries)
        let report =
            format == .json
            ? EndpointComparison.jsonReport(entries)
            : EndpointComparison.textReport(entries, first: a.url, second: b.url)
        FileHandle.standardOutput.write(Data(DisplayText.forTerminal(report).utf8))
        FileHandle.standardError.write(Data(DisplayText.forTerminal(problems.map { "problem: \($0)\n" }.joined()).utf8))
        if !problems.isEmpty || entries.contains(where: { $0.difference != nil }) { throw ExitCode(1) }
    }

    func run() throws {
        if target.count == 2 { return try compareTargets() }
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        let sandboxes = sandbox.map(sandboxNames) ?? []
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
        let roots = python.artifactRoots(paths.map(Self.folder) + [database])
        // Python calls that name no sandbox run in the one asked for, so the matrix runs each example in every sandbox.
        let pluginsFor: @Sendable (String?) -> [any TabularPlugin] = {
            plugins.plugins(defaultSandbox: $0, artifactRoots: roots)
        }
        let run = ConformanceRun(paths: paths, sandboxes: sandboxes, filter: filter, expectationFiles: expectations)
        let report: RunReport
        if let target = target.first {
            let remote = RemoteExampleRunner(try endpoint(target))
            report = run.run(runner: remote, caseFiles: remote.caseFiles)
        } else {
            let runner = EngineExampleRunner(
                database: db, plugins: pluginsFor, now: fixedNow.map { t in { @Sendable in t } })
            report = run.run(runner: runner, caseFiles: KQLTestCaseFiles(now: fixedNow, plugins: pluginsFor))
        }

        switch format {
        case .table:
            FileHandle.standardOutput.write(Data(DisplayText.forTerminal(TextReport.render(report)).utf8))
        case .json, .html:
            FileHandle.standardOutput.write(
                Data((format == .json ? JSONReport.render(report) : HTMLReport.render(report)).utf8))
            let problems = report.problems.map { "problem: \($0)\n" }.joined()
            FileHandle.standardError.write(Data(DisplayText.forTerminal(problems + report.summaryLine + "\n").utf8))
        }
        var failed = !report.succeeded
        if let junit {
            do { try CaseFileWriter.write(JUnitReport.render(report), to: junit) } catch {
                FileHandle.standardError.write(Data((DisplayText.forTerminal(error.description) + "\n").utf8));
                failed = true
            }
        }
        if complete {
            failed = !writeCompleted(report) || failed
        }
        if failed { throw ExitCode(1) }
    }

    /// Writes one case file per document that has unpinned examples; false when a write failed.
    func writeCompleted(_ report: RunReport) -> Bool {
        var ok = true
        var documents: [String] = []
        for r in report.results where !documents.contains(r.example.document) { documents.append(r.example.document) }
        for document in documents {
            let results = report.results.filter { $0.example.document == document && !$0.isPinned }
            guard !results.isEmpty else { continue }
            let stem = URL(fileURLWithPath: document).deletingPathExtension().lastPathComponent
            let path = completeDir + "/" + stem + ".kqltest"
            guard URL(fileURLWithPath: path).standardized.path != URL(fileURLWithPath: document).standardized.path
            else {
                FileHandle.standardError.write(
                    Data("--complete would overwrite the document \(document); choose another --complete-dir\n".utf8))
                ok = false
                continue
            }
            do {
                try CaseFileWriter.write(CaseFileWriter.render(document: document, results: results), to: path)
                FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data((DisplayText.forTerminal(error.description) + "\n").utf8));
                ok = false
            }
        }
        return ok
    }

    func sandboxNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
