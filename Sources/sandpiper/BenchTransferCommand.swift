import ArgumentParser
import Columnar
import Foundation
import Sandbox

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
            to the script), from-df (result → engine columns), round-trip, call (a whole python() call on \
            1 row: warm worker back to back, warm 100 ms apart, cold worker). memcpy is one copy of the dataset's bytes (variant read-once: reading \
            them once), the physical limit every ratio is taken against.
            """
    )

    @Option(help: ArgumentHelp("Row counts, comma-separated.", valueName: "n[,n...]"))
    var rows: String = "1000,100000,1000000,10000000"

    @Option(help: ArgumentHelp("Dataset types, comma-separated: \(BenchDataset.types.map(\.name).joined(separator: ", ")).", valueName: "type[,type...]"))
    var types: String = BenchDataset.types.map(\.name).joined(separator: ",")

    @Option(help: ArgumentHelp("Null ratios, comma-separated (0 to 1).", valueName: "ratio[,ratio...]"))
    var nulls: String = "0,0.1"

    @Option(help: ArgumentHelp("Peer methods to run, comma-separated (default all).", valueName: "method[,method...]"))
    var methods: String = BenchTransferMeasurement.peerMethods.joined(separator: ",")

    @Option(help: "Run sandpiper's python() path in this sandbox (default: the bench venv's numpy and pandas).")
    var sandbox: String?

    @Option(help: ArgumentHelp("Site-packages directory for the worker instead of a sandbox (repeatable).", valueName: "dir"))
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

    func validate() throws {
        _ = try parsedRows()
        for t in types.split(separator: ",") where !BenchDataset.types.contains(where: { $0.name == t }) {
            throw ValidationError("unknown type '\(t)'; the types are \(BenchDataset.types.map(\.name).joined(separator: ", "))")
        }
        for r in nulls.split(separator: ",") {
            guard let v = Double(r), v >= 0, v <= 1 else { throw ValidationError("--nulls '\(r)' is not a ratio between 0 and 1") }
        }
        for m in methods.split(separator: ",") where !BenchTransferMeasurement.peerMethods.contains(String(m)) {
            throw ValidationError("unknown method '\(m)'; the peers are \(BenchTransferMeasurement.peerMethods.joined(separator: ", "))")
        }
    }

    func parsedRows() throws -> [Int] {
        try rows.split(separator: ",").map { text in
            guard let n = Int(text), n >= 1 else { throw ValidationError("--rows '\(text)' is not a positive row count") }
            return n
        }
    }

    var datasets: [BenchDataset] {
        let rowCounts = (try? parsedRows()) ?? []
        let kinds = Dictionary(BenchDataset.types.map { ($0.name, $0.kinds) }, uniquingKeysWith: { a, _ in a })
        return rowCounts.flatMap { n in
            types.split(separator: ",").flatMap { t in
                nulls.split(separator: ",").map { BenchDataset(type: String(t), kinds: kinds[String(t)] ?? [], nullsText: String($0), rows: n) }
            }
        }
    }

    func run() throws {
        do {
            let results = try measure()
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

    func measure() throws -> [BenchTransferMeasurement] {
        let env = try BenchEnvironment.prepare(explicit: common.benchDir)
        var subject: BenchSandpiperSubject?
        if !noSandpiper {
            let source = env.benchDirectory.appendingPathComponent("peers/transfer_checksum.py")
            guard let text = try? String(contentsOf: source, encoding: .utf8) else { throw BenchError.peer("cannot read \(source.path)") }
            subject = BenchSandpiperSubject(
                supervisor: Supervisor(),
                sitePackages: try BenchSandpiperSubject.sitePackages(sandbox: sandbox, explicit: sitePackages, env: env),
                checksumSource: text)
        }
        defer { subject?.supervisor.shutdown() }
        var results: [BenchTransferMeasurement] = []
        var expected: [String: String] = [:], bytes: [String: Int] = [:]
        for ds in datasets {
            BenchOutput.err("bench transfer: \(ds.name) rows=\(ds.rows)")
            let table = ds.table()
            let checksum = BenchDataset.checksum(of: table, kinds: ds.kinds)
            let size = BenchDataset.bytes(of: table)
            expected[ds.key] = checksum; bytes[ds.key] = size
            let limit = try BenchMemcpy.measure(bytes: size, runs: max(common.runs, 5))
            results.append(.init(method: "memcpy", variant: "copy", direction: "to-df", dataset: ds, bytes: size, stats: limit.copy))
            results.append(.init(method: "memcpy", variant: "read-once", direction: "to-df", dataset: ds, bytes: size, stats: limit.read))
            if let subject {
                for (direction, stats) in try subject.measure(table, kinds: ds.kinds, expected: checksum, runs: common.runs) {
                    results.append(.init(method: "sandpiper", variant: "default", direction: direction, dataset: ds, bytes: size, stats: stats))
                }
            }
        }
        if let subject {
            BenchOutput.err("bench transfer: python() call on 1 row, warm and cold worker")
            let call = try subject.measureCall(runs: common.runs)
            let one = BenchDataset(type: "long", kinds: [.long], nullsText: "0", rows: 1)
            results.append(.init(method: "sandpiper", variant: "warm", direction: "call", dataset: one, bytes: 8, stats: call.warm))
            results.append(.init(method: "sandpiper", variant: "warm-spaced", direction: "call", dataset: one, bytes: 8, stats: call.spaced))
            results.append(.init(method: "sandpiper", variant: "cold", direction: "call", dataset: one, bytes: 8, stats: call.cold))
        }
        results += try peers(env, expected: expected, bytes: bytes)
        return results
    }

    /// Runs the peer script once for every dataset; its generator must agree with ours.
    private func peers(_ env: BenchEnvironment, expected: [String: String], bytes: [String: Int]) throws -> [BenchTransferMeasurement] {
        let lines = try env.runPeer("transfer.py", ["--rows", rows, "--types", types, "--nulls", nulls, "--runs", "\(common.runs)",
                                                     "--methods", methods, "--csv-max-rows", "\(csvMaxRows)"])
        let byKey = Dictionary(datasets.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [BenchTransferMeasurement] = []
        for line in lines {
            guard let kind = line["kind"] as? String, let name = line["dataset"] as? String, let n = line["rows"] as? Int,
                  let ds = byKey["\(name)@\(n)"] else {
                throw BenchError.peer("transfer.py printed a line this bench does not know: \(line)")
            }
            switch kind {
            case "dataset":
                guard let theirs = line["checksum"] as? String, theirs == expected[ds.key] else {
                    throw BenchError.checksum("the peers generated \(name) (\(n) rows) with checksum \(line["checksum"] ?? "none"), sandpiper with \(expected[ds.key] ?? "none"): the two generators differ")
                }
            case "measurement":
                guard let method = line["method"] as? String, let direction = line["direction"] as? String,
                      let median = line["median_s"] as? Double, let lo = line["min_s"] as? Double, let hi = line["max_s"] as? Double,
                      let runs = line["runs"] as? Int else {
                    throw BenchError.peer("transfer.py printed an incomplete measurement: \(line)")
                }
                out.append(.init(method: method, variant: line["variant"] as? String ?? "default", direction: direction, dataset: ds,
                                 bytes: bytes[ds.key] ?? 0, stats: BenchStats(median: median, min: lo, max: hi, runs: runs)))
            case "skipped":
                out.append(.init(method: line["method"] as? String ?? "?", variant: line["variant"] as? String ?? "default",
                                 direction: line["direction"] as? String ?? "?", dataset: ds, bytes: bytes[ds.key] ?? 0, stats: nil,
                                 skipped: line["reason"] as? String ?? "skipped"))
            default:
                throw BenchError.peer("transfer.py printed a line of unknown kind '\(kind)'")
            }
        }
        return out
    }
}

extension BenchDataset {
    /// Name and rows: what identifies a dataset across the two generators.
    var key: String { "\(name)@\(rows)" }
}
