import ArgumentParser
import Bench
import Benchmarks

/// `sandpiper bench geo`: S2 and H3 cells, distance and point-in-polygon over generated points, against the S2 and
/// H3 Python bindings; medians and points per second.
struct BenchGeoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geo",
        abstract:
            "Time geo_point_to_s2cell, geo_point_to_h3cell, geo_distance_2points and geo_point_in_polygon over generated points.",
        discussion: """
            Points are generated from the formulas in GeoBenchmark.swift. The same questions go to the S2 and H3 \
            Python bindings (s2geometry, h3; bench/.venv from PyPI) in the same run. Each answer is checked against \
            arithmetic done without the engine where there is one, and against the peers' (exit 1, \
            E_BENCH_CHECKSUM, when it differs).
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
            let results = try GeoBenchmark(rows: rows, runs: common.runs, benchDirectory: common.benchDir).measure()
            BenchOutput.out(GeoBenchmark.render(results, format: format))
        } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
