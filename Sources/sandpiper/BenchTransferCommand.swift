import ArgumentParser
import Bench
import Benchmarks
import Foundation

/// `sandpiper bench transfer`: engine table ↔ pandas DataFrame, sandpiper's python() path against
/// pyarrow, DuckDB, pickle, CSV and memcpy, on the same generated data in the same run.
struct BenchTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Time table → DataFrame → table transfers against their peers and memcpy.",
        discussion: """
            Datasets are generated per type from the formulas in BenchTransferData.swift (the peer script \
            bench/peers/transfer.py repeats them). Every run checks a checksum of what the receiving side saw; \
            a wrong transfer fails the run (exit 1, E_BENCH_CHECKSUM). Directions: to-df (table → df visible \
            to the script, and every value of it read once by the receiver, as for every peer), from-df \
            (result → engine columns: a result the script computed; variant by-reference: result = df), \
            round-trip, call (a whole python() call on 1 row: warm worker back to back, warm 100 ms apart, \
            cold worker). Transfer rows run without spare children, so none profits from untimed work. memcpy is one copy of the dataset's bytes (variant read-once: reading \
            them once), the physical limit every ratio is taken against.
            """
    )

    @Option(help: ArgumentHelp("Row counts, comma-separated.", valueName: "n[,n...]"))
    var rows: String = "1000,100000,1000000,10000000"

    @Option(
        help: ArgumentHelp(
            "Dataset types, comma-separated: \(BenchDataset.types.map(\.name).joined(separator: ", ")).",
            valueName: "type[,type...]"))
    var types: String = BenchDataset.types.map(\.name).joined(separator: ",")

    @Option(help: ArgumentHelp("Null ratios, comma-separated (0 to 1).", valueName: "ratio[,ratio...]"))
    var nulls: String = "0,0.1"

    @Option(help: ArgumentHelp("Peer methods to run, comma-separated (default all).", valueName: "method[,method...]"))
    var methods: String = BenchTransferMeasurement.peerMethods.joined(separator: ",")

    @Option(help: "Run sandpiper's python() path in this sandbox (default: the bench venv's numpy and pandas).")
    var sandbox: String?

    @Option(
        help: ArgumentHelp(
            "Site-packages directory for the worker instead of a sandbox (repeatable).", valueName: "dir"))
    var sitePackages: [String] = []

    @Flag(help: "Measure only the peers and memcpy (no python() calls).")
    var noSandpiper = false

    @Option(help: "Skip CSV above this many rows (it takes minutes at 10M).")
    var csvMaxRows: Int = 1_000_000

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @Option(help: ArgumentHelp("Also write an SVG plot of throughput against rows.", valueName: "file.svg"))
    var plot: String?

    @OptionGroup var common: BenchCommonOptions

    var benchmark: TransferBenchmark {
        TransferBenchmark(
            rows: rows, types: types, nulls: nulls, methods: methods, sandbox: sandbox,
            sitePackages: sitePackages, noSandpiper: noSandpiper, csvMaxRows: csvMaxRows,
            runs: common.runs, benchDirectory: common.benchDir)
    }

    func validate() throws {
        if let problem = benchmark.problem { throw ValidationError(problem) }
    }

    func run() throws {
        do {
            let results = try benchmark.measure()
            BenchOutput.out(BenchTransferReport.render(results, format: format))
            if let plot {
                try BenchPlot.svg(results).write(toFile: plot, atomically: true, encoding: .utf8)
                BenchOutput.err("bench transfer: wrote \(plot)")
            }
        } catch let error as BenchError {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }
}
