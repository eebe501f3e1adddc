import ArgumentParser
import Conformance
import Documentation
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
        discussion: CommandHelp.conformanceRun)

    @Argument(help: .doc(.conformancePaths)) var paths: [String]
    @Option(help: .doc(.sandboxMatrix)) var sandbox: String?
    @Option(help: .doc(.exampleFilter)) var filter: String?
    @Option(help: .doc(.junit)) var junit: String?
    @Option(name: [.customLong("format"), .customLong("report")], help: .doc(.reportFormat))
    var format: ReportFormat = .table
    @Flag(help: .doc(.complete)) var complete = false
    @Option(help: .doc(.completeDir)) var completeDir = "conformance/completed"
    @Option(help: .doc(.expectations)) var expectations: [String] = []
    @OptionGroup var database: DatabaseOptions
    @Option(help: .doc(.conformanceTarget)) var target: [String] = []
    @Option(help: .doc(.targetDatabase)) var targetDatabase = "Sandpiper"
    @Option(help: .doc(.targetToken)) var tokenFile: String?
    @OptionGroup var python: PythonRunOptions

    func validate() throws {
        if let sandbox, ConformanceRun.sandboxNames(sandbox).isEmpty {
            throw ValidationError("--sandbox needs at least one name")
        }
        if target.count > 2 { throw ValidationError("--target compares at most two endpoints") }
        for t in target {
            guard let url = URL(string: t), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--target '\(t)' is not an http(s) URL")
            }
        }
    }

    /// The endpoint of a `--target` URL (checked by `validate`).
    func endpoint(_ target: String) throws -> KustoEndpoint {
        try KustoEndpoint.target(URL(string: target)!, database: targetDatabase, tokenFile: tokenFile)
    }

    func run() throws {
        let out = { (text: String) in FileHandle.standardOutput.write(Data(text.utf8)) }
        let err = { (text: String) in FileHandle.standardError.write(Data(DisplayText.forTerminal(text).utf8)) }
        if target.count == 2 {
            let (report, problems, agreed) = try EndpointComparison(endpoint(target[0]), endpoint(target[1]))
                .report(paths: paths, filter: filter, json: format == .json)
            out(DisplayText.forTerminal(report))
            err(problems.map { "problem: \($0)\n" }.joined())
            if !agreed { throw ExitCode(1) }
            return
        }
        let plugins = python.enginePlugins(
            outputFiles: .dropped(reason: "conformance runs keep no python() output files"))
        defer { plugins.shutdown() }
        let db: any Database
        do { db = try database.open() } catch {
            err(error.description + "\n")
            throw ExitCode(1)
        }
        // A document's (or case file's) folder is where its examples' artifacts lie, as a query file's is.
        let roots = python.artifactRoots(paths.map(ConformanceRun.folder(of:)) + [database.path])
        // Python calls that name no sandbox run in the one asked for, so the matrix runs each example in every sandbox.
        let pluginsFor: @Sendable (String?) -> [any TabularPlugin] = {
            plugins.plugins(defaultSandbox: $0, artifactRoots: roots)
        }
        let sandboxes = sandbox.map(ConformanceRun.sandboxNames) ?? []
        let run = ConformanceRun(paths: paths, sandboxes: sandboxes, filter: filter, expectationFiles: expectations)
        let report: RunReport
        if let target = target.first {
            let remote = RemoteExampleRunner(try endpoint(target))
            report = run.run(runner: remote, caseFiles: remote.caseFiles)
        } else {
            let runner = EngineExampleRunner(database: db, plugins: pluginsFor, now: database.clock)
            report = run.run(runner: runner, caseFiles: KQLTestCaseFiles(now: database.fixedNow, plugins: pluginsFor))
        }
        let completeDir = complete ? self.completeDir : nil
        if !report.publish(format, junit: junit, completeDir: completeDir, out: out, err: err) { throw ExitCode(1) }
    }
}
