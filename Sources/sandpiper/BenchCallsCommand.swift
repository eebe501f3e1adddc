import ArgumentParser
import Bench
import Benchmarks
import Foundation

/// `sandpiper bench calls`: a whole python() call on 1 row — warm back to back, warm spaced, cold — with
/// every confinement layer on, and the medians of the query child's own timings per phase.
struct BenchCallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Time whole python() calls on 1 row: warm back to back, warm spaced, cold.",
        discussion: """
            Back to back: each call starts as soon as the previous one returned, so it finds at best the spare \
            child the previous call began to prepare. Spaced: 100 ms (untimed) between calls, so the spare is \
            ready. Cold: every worker is stopped first, so the call starts CPython and imports numpy and \
            pandas. Below the calls, the medians of what the query child measured itself: each confinement \
            step (confine.<step>, wall and .cpu), df, script, result, and cpu (the query process's CPU time).
            """
    )

    @Option(help: "Run in this sandbox (default: the bench venv's numpy and pandas).")
    var sandbox: String?

    @Option(
        help: ArgumentHelp(
            "Site-packages directory for the worker instead of a sandbox (repeatable).", valueName: "dir"))
    var sitePackages: [String] = []

    @Option(help: "Output: table, json (one object per variant and line) or markdown.")
    var format: BenchFormat = .table

    @OptionGroup var common: BenchCommonOptions

    func run() throws {
        let benchmark = CallBenchmark(
            runs: common.runs, sandbox: sandbox, sitePackages: sitePackages, benchDirectory: common.benchDir)
        let results: [CallBenchmark.Measurement]
        do { results = try benchmark.measure() } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
            .joined(separator: " ") ?? "unknown"
        BenchOutput.out(CallBenchmark.render(results, format: format, loadAverage: load))
    }
}
