import ArgumentParser
import Bench
import Benchmarks
import Documentation
import Foundation
import Server

/// `sandpiper bench engine`: eleven queries on generated data through `Engine` (serial, one thread, every
/// core), and the same queries in DuckDB (one thread, then its default threads) in the same run; the
/// answers must agree.
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Time eleven everyday queries against DuckDB (filters, aggregations, joins, top-N, search).",
        discussion: CommandHelp.benchEngine)

    @Option(help: "Rows of the events, logs and sparse tables.") var rows: Int = 10_000_000
    @Option(help: "Rows of each join side.") var joinRows: Int = 1_000_000
    @Option(help: "Only these benchmarks (comma-separated names, as the report prints them).") var only: String?
    @Option(help: .doc(.benchEngineTarget)) var target: String?
    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 || joinRows < 1 { throw ValidationError("--rows and --join-rows must be at least 1") }
    }

    func run() throws {
        let endpoint = target.flatMap(URL.init(string:)).map { KustoEndpoint(url: $0, database: "Sandpiper") }
        try common.report {
            let results = try EngineBenchmark(
                rows: rows, joinRows: joinRows, runs: common.runs, benchDirectory: common.benchDir,
                only: only.map { Set($0.split(separator: ",").map(String.init)) },
                target: endpoint.map { e in { @Sendable q in try e.execute(q) } }
            ).measure()
            return BenchEngineReport.render(results, format: common.format)
        }
    }
}

/// `sandpiper bench geo`: S2 and H3 cells, distance and point-in-polygon over generated points, against the S2
/// and H3 Python bindings, medians and points per second.
struct BenchGeoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geo",
        abstract:
            "Time geo_point_to_s2cell, geo_point_to_h3cell, geo_distance_2points and geo_point_in_polygon over points.",
        discussion: CommandHelp.benchGeo)

    @Option(help: "Points to generate.") var rows: Int = 1_000_000
    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        try common.report {
            let results = try GeoBenchmark(rows: rows, runs: common.runs, benchDirectory: common.benchDir).measure()
            return GeoBenchmark.render(results, format: common.format)
        }
    }
}

/// `sandpiper bench parquet`: reading a Parquet file against pyarrow; checksums must agree.
struct BenchParquetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Time reading a Parquet file (as --db FILE does) against pyarrow's read_table.",
        discussion: CommandHelp.benchParquet)

    @Option(help: "Rows of the file.") var rows: Int = 10_000_000
    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        try common.report {
            let results = try ParquetBenchmark(rows: rows, runs: common.runs, benchDirectory: common.benchDir).measure()
            return BenchEngineReport.render(results, format: common.format, peer: "pyarrow")
        }
    }
}
