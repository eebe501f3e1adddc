import ArgumentParser
import Bench
import Benchmarks
import Documentation
import Foundation
import Server

/// `sandpiper bench calls`: a whole python() call on 1 row — warm back to back, warm spaced, cold — with
/// every confinement layer on, and the medians of the query child's own timings per phase.
struct BenchCallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Time whole python() calls on 1 row: warm back to back, warm spaced, cold.",
        discussion: CommandHelp.benchCalls
    )

    @Option(help: "Run in this sandbox (default: the bench venv's numpy and pandas).")
    var sandbox: String?

    @Option(
        help: ArgumentHelp(
            "Site-packages directory for the worker instead of a sandbox (repeatable).", valueName: "dir"))
    var sitePackages: [String] = []

    @OptionGroup var common: BenchCommonOptions

    func run() throws {
        try common.report {
            let results = try CallBenchmark(
                runs: common.runs, sandbox: sandbox, sitePackages: sitePackages, benchDirectory: common.benchDir
            ).measure()
            return CallBenchmark.render(results, format: common.format, loadAverage: ServeLoadBenchmark.loadAverage)
        }
    }
}
