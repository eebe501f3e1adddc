import ArgumentParser
import Bench
import Benchmarks
import Foundation
import Server

/// `sandpiper bench engine`: two queries on generated data through `Engine`, and the same queries in
/// DuckDB (single-threaded, then with its default threads) in the same run; checksums must agree.
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Time a filter/extend/summarize query and a join against DuckDB.",
        discussion: """
            Data: `events` (--rows rows: id, key, value, flag) and join sides `l`, `r` (--join-rows rows), \
            generated from the formulas in BenchEngineData.swift, which bench/peers/duckdb_engine.py repeats. \
            The run fails (exit 1, E_BENCH_CHECKSUM) when the engines' answers differ.
            """
    )

    @Option(help: "Rows of the events table.")
    var rows: Int = 10_000_000

    @Option(help: "Rows of each join side.")
    var joinRows: Int = 1_000_000

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @Option(
        help: ArgumentHelp(
            "Time the queries on this Kusto endpoint (its tables events, l, r are replaced) instead of the embedded engine.",
            valueName: "url"))
    var target: String?

    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 || joinRows < 1 { throw ValidationError("--rows and --join-rows must be at least 1") }
    }

    func run() throws {
        do {
            let endpoint = target.flatMap(URL.init(string:)).map { KustoEndpoint(url: $0, database: "Sandpiper") }
            let results = try EngineBenchmark(
                rows: rows, joinRows: joinRows, runs: common.runs, benchDirectory: common.benchDir,
                target: endpoint.map { e in { @Sendable q in try e.execute(q) } }
            ).measure()
            BenchOutput.out(BenchEngineReport.render(results, format: format))
        } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
