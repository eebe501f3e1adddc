import ArgumentParser
import Bench
import Benchmarks

/// `sandpiper bench parquet`: reading a Parquet file against pyarrow; checksums must agree.
struct BenchParquetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Time reading a Parquet file (as --db FILE does) against pyarrow's read_table.",
        discussion: """
            Data: the events table of bench engine (--rows rows: id, key, value, flag), written by pyarrow \
            with its defaults (snappy) in bench/peers/parquet_read.py.
            """
    )

    @Option(help: "Rows of the file.")
    var rows: Int = 10_000_000

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 { throw ValidationError("--rows must be at least 1") }
    }

    func run() throws {
        do {
            let results = try ParquetBenchmark(rows: rows, runs: common.runs, benchDirectory: common.benchDir).measure()
            BenchOutput.out(BenchEngineReport.render(results, format: format, peer: "pyarrow"))
        } catch {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
