import ArgumentParser
import Bench
import Benchmarks

/// `sandpiper bench geo`: point-in-polygon and distance over generated points, medians and points per second.
struct BenchGeoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geo",
        abstract: "Time geo_point_in_polygon and geo_distance_2points over generated points.",
        discussion: """
            Points are generated from the formulas in GeoBenchmark.swift; each answer is checked against \
            arithmetic done without the engine (exit 1, E_BENCH_CHECKSUM, when it differs).
            """
    )

    @Option(help: "Points to generate.")
    var rows: Int = 1_000_000

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        do {
            let results = try GeoBenchmark(rows: rows, runs: common.runs).measure()
            BenchOutput.out(BenchEngineReport.render(results, format: format))
        } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
