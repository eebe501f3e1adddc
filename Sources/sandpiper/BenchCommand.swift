import ArgumentParser
import Bench

/// `sandpiper bench`: measures the engine against DuckDB, and the table ↔ DataFrame transfer of the
/// python() plugin against pyarrow, DuckDB, pickle, CSV and memcpy, in one run, as ratios.
///
/// Every measurement checks its answer (a checksum) so that a fast wrong result fails the run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the engine and the python() transfer against their peers.",
        discussion: """
            Peers run in bench/.venv, which bench/setup-venv creates from bench/requirements.txt (PyPI). \
            bench/run-all runs both benchmarks at full size and writes bench/RESULTS.md.
            """,
        subcommands: [
            BenchEngineCommand.self, BenchTransferCommand.self, BenchServeCommand.self, BenchGeoCommand.self,
            BenchParquetCommand.self, BenchSeriesCommand.self,
        ]
    )
}

/// Options every bench subcommand takes.
struct BenchCommonOptions: ParsableArguments {
    @Option(help: "Timed runs per measurement, after one warm-up run.")
    var runs: Int = 5

    @Option(
        help: ArgumentHelp(
            "The bench folder (peer scripts and venv); found above the current directory by default.", valueName: "dir")
    )
    var benchDir: String?

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }
}

extension BenchFormat: ExpressibleByArgument {}
