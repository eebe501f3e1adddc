import ArgumentParser
import Bench
import Benchmarks
import Documentation
import Foundation

/// `sandpiper bench transfer`: engine table ↔ pandas DataFrame, sandpiper's python() path against
/// pyarrow, DuckDB, pickle, CSV and memcpy, on the same generated data in the same run.
struct BenchTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Time table → DataFrame → table transfers against their peers and memcpy.",
        discussion: CommandHelp.benchTransfer)

    @Option(help: .doc(.transferRows)) var rows: String = "1000,100000,1000000,10000000"
    @Option(
        help: ArgumentHelp(
            "Dataset types, comma-separated: \(BenchDataset.types.map(\.name).joined(separator: ", ")).",
            valueName: "type[,type...]"))
    var types: String = BenchDataset.types.map(\.name).joined(separator: ",")
    @Option(help: .doc(.nullRatios)) var nulls: String = "0,0.1"
    @Option(help: .doc(.peerMethods)) var methods: String = BenchTransferMeasurement.peerMethods.joined(separator: ",")
    @Option(help: .doc(.transferSandbox)) var sandbox: String?
    @Option(help: .doc(.sitePackages)) var sitePackages: [String] = []
    @Flag(help: "Measure only the peers and memcpy (no python() calls).") var noSandpiper = false
    @Option(help: "Skip CSV above this many rows (it takes minutes at 10M).") var csvMaxRows: Int = 1_000_000
    @Option(help: .doc(.plot)) var plot: String?
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
        try common.report {
            let results = try benchmark.measure()
            if let plot {
                try BenchPlot.svg(results).write(toFile: plot, atomically: true, encoding: .utf8)
                BenchOutput.err("bench transfer: wrote \(plot)")
            }
            return BenchTransferReport.render(results, format: common.format)
        }
    }
}
