import ArgumentParser
import Bench
import Documentation

/// `sandpiper bench`: measures the engine against DuckDB, and the table ↔ DataFrame transfer of the
/// python() plugin against pyarrow, DuckDB, pickle, CSV and memcpy, in one run, as ratios.
///
/// Every measurement checks its answer (a checksum) so that a fast wrong result fails the run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the engine and the python() transfer against their peers.",
        discussion: CommandHelp.bench,
        subcommands: [
            BenchEngineCommand.self, BenchTransferCommand.self, BenchServeCommand.self, BenchGeoCommand.self,
            BenchParquetCommand.self,
        ]
    )
}

/// Options every bench subcommand but `serve` takes.
struct BenchCommonOptions: ParsableArguments {
    @Option(help: .doc(.benchFormat)) var format: BenchFormat = .table
    @Option(help: .doc(.benchRuns)) var runs: Int = 5
    @Option(help: .doc(.benchDir)) var benchDir: String?

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    /// Prints the report `measure` makes; a failed measurement (a wrong checksum, a missing peer) is
    /// printed instead and ends the command with status 1.
    func report(_ measure: () throws -> String) throws {
        do { BenchOutput.out(try measure()) } catch {
            BenchOutput.err("\(error)")
            throw ExitCode(1)
        }
    }
}

extension BenchFormat: ExpressibleByArgument {}
