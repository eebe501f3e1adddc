import ArgumentParser
import Bench
import Benchmarks
import Foundation
import Server

/// `sandpiper bench engine`: eleven queries on generated data through `Engine` (serial, one thread, every
/// core), and the same queries in DuckDB (one thread, then its default threads) in the same run; the
/// answers must agree.
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Time eleven everyday queries against DuckDB (filters, aggregations, joins, top-N, search).",
        discussion: """
            Data: `events`, `logs` and `sparse` (--rows rows each) and join sides `l`, `r` (--join-rows rows) \
            and `lm`, `rm` (a tenth of them, many to many), generated from the formulas in BenchEngineData.swift, \
            which bench/peers/duckdb_engine.py repeats in SQL. Sandpiper runs serially (whole tables, one \
            thread), over morsels on one thread, and on every core; DuckDB on one thread and its default. \
            The run fails (exit 1, E_BENCH_CHECKSUM) when the engines' answers differ.
            """
    )

    @Option(help: "Rows of the events table.")
    var rows: Int = 10_000_000

    @Option(help: "Rows of each join side.")
    var joinRows: Int = 1_000_000

    @Option(help: "Only these benchmarks (comma-separated names, as the report prints them).")
    var only: String?

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @Option(
        help: ArgumentHelp(
            "Time the queries on this Kusto endpoint (its benchmark tables are replaced) instead of the embedded engine.",
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
                only: only.map { Set($0.split(separator: ",").map(String.init)) },
                target: endpoint.map { e in { @Sendable q in try e.execute(q) } }
            ).measure()
            BenchOutput.out(BenchEngineReport.render(results, format: format))
        } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
