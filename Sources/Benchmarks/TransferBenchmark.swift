import Bench
import Columnar
import Foundation
import Sandbox

/// `sandpiper bench transfer`: engine table ↔ pandas DataFrame, sandpiper's python() path against
/// pyarrow, DuckDB, pickle, CSV and memcpy, on the same generated data in the same run.
public struct TransferBenchmark: Sendable {
    /// Row counts, comma-separated (the peer script takes the same text).
    public var rows: String
    /// Dataset types, comma-separated (`BenchDataset.types`).
    public var types: String
    /// Null ratios, comma-separated (0 to 1).
    public var nulls: String
    /// Peer methods, comma-separated (`BenchTransferMeasurement.peerMethods`).
    public var methods: String
    /// Run sandpiper's python() path in this sandbox (nil: the bench venv's numpy and pandas).
    public var sandbox: String?
    /// Site-packages folders for the worker instead of a sandbox.
    public var sitePackages: [String]
    /// Measure only the peers and memcpy.
    public var noSandpiper: Bool
    /// CSV is skipped above this many rows.
    public var csvMaxRows: Int
    /// Timed runs per measurement, after one warm-up run.
    public var runs: Int
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?

    public init(
        rows: String, types: String, nulls: String, methods: String, sandbox: String?, sitePackages: [String],
        noSandpiper: Bool, csvMaxRows: Int, runs: Int, benchDirectory: String?
    ) {
        self.rows = rows; self.types = types; self.nulls = nulls; self.methods = methods; self.sandbox = sandbox
        self.sitePackages = sitePackages; self.noSandpiper = noSandpiper; self.csvMaxRows = csvMaxRows
        self.runs = runs; self.benchDirectory = benchDirectory
    }

    /// The row counts of `rows`, or nil when one is not a positive number.
    public static func rowCounts(_ rows: String) -> [Int]? {
        var counts: [Int] = []
        for text in rows.split(separator: ",") {
            guard let n = Int(text), n >= 1 else { return nil }
            counts.append(n)
        }
        return counts
    }

    /// What is wrong with the lists given (a row count, type, null ratio or method that is not one), or nil.
    public var problem: String? {
        for text in rows.split(separator: ",") where Int(text).map({ $0 < 1 }) ?? true {
            return "--rows '\(text)' is not a positive row count"
        }
        for t in types.split(separator: ",") where !BenchDataset.types.contains(where: { $0.name == t }) {
            return "unknown type '\(t)'; the types are \(BenchDataset.types.map(\.name).joined(separator: ", "))"
        }
        for r in nulls.split(separator: ",") where Double(r).map({ !($0 >= 0 && $0 <= 1) }) ?? true {
            return "--nulls '\(r)' is not a ratio between 0 and 1"
        }
        for m in methods.split(separator: ",") where !BenchTransferMeasurement.peerMethods.contains(String(m)) {
            return
                "unknown method '\(m)'; the peers are \(BenchTransferMeasurement.peerMethods.joined(separator: ", "))"
        }
        return nil
    }

    /// Every dataset of the run: each row count × type × null ratio.
    public var datasets: [BenchDataset] {
        let rowCounts = Self.rowCounts(rows) ?? []
        let kinds = Dictionary(BenchDataset.types.map { ($0.name, $0.kinds) }, uniquingKeysWith: { a, _ in a })
        return rowCounts.flatMap { n in
            types.split(separator: ",").flatMap { t in
                nulls.split(separator: ",").map {
                    BenchDataset(type: String(t), kinds: kinds[String(t)] ?? [], nullsText: String($0), rows: n)
                }
            }
        }
    }

    /// Every measurement; throws `E_BENCH_CHECKSUM` when a side saw other data than was sent.
    public func measure() throws(BenchError) -> [BenchTransferMeasurement] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        var subject: BenchSandpiperSubject?
        if !noSandpiper {
            let source = env.benchDirectory.appendingPathComponent("peers/transfer_checksum.py")
            guard let text = try? String(contentsOf: source, encoding: .utf8) else {
                throw BenchError.peer("cannot read \(source.path)")
            }
            subject = BenchSandpiperSubject(
                supervisor: Supervisor(configuration: SupervisorConfiguration(spareChildren: false)),
                callSupervisor: Supervisor(),
                sitePackages: try BenchSandpiperSubject.sitePackages(
                    sandbox: sandbox, explicit: sitePackages, env: env),
                checksumSource: text)
        }
        defer {
            subject?.supervisor.shutdown()
            subject?.callSupervisor.shutdown()
        }
        var results: [BenchTransferMeasurement] = []
        var expected: [String: String] = [:], bytes: [String: Int] = [:]
        for ds in datasets {
            BenchOutput.err("bench transfer: \(ds.name) rows=\(ds.rows)")
            let table = ds.table()
            let checksum = BenchDataset.checksum(of: table, kinds: ds.kinds)
            let size = BenchDataset.bytes(of: table)
            expected[ds.key] = checksum; bytes[ds.key] = size
            let limit = try BenchMemcpy.measure(bytes: size, runs: max(runs, 5))
            results.append(
                .init(
                    method: "memcpy", variant: "copy", direction: "to-df", dataset: ds, bytes: size, stats: limit.copy))
            results.append(
                .init(
                    method: "memcpy", variant: "read-once", direction: "to-df", dataset: ds, bytes: size,
                    stats: limit.read))
            if let subject {
                for m in try subject.measure(table, kinds: ds.kinds, expected: checksum, runs: runs) {
                    results.append(
                        .init(
                            method: "sandpiper", variant: m.variant, direction: m.direction, dataset: ds,
                            bytes: size, stats: m.stats))
                }
            }
        }
        if let subject {
            BenchOutput.err("bench transfer: python() call on 1 row, warm and cold worker")
            let call = try subject.measureCall(runs: runs)
            let one = BenchDataset(type: "long", kinds: [.long], nullsText: "0", rows: 1)
            results.append(
                .init(
                    method: "sandpiper", variant: "warm-back-to-back", direction: "call", dataset: one, bytes: 8,
                    stats: call.warm)
            )
            results.append(
                .init(
                    method: "sandpiper", variant: "warm-spaced", direction: "call", dataset: one, bytes: 8,
                    stats: call.spaced))
            results.append(
                .init(method: "sandpiper", variant: "cold", direction: "call", dataset: one, bytes: 8, stats: call.cold)
            )
        }
        results += try peers(env, expected: expected, bytes: bytes)
        return results
    }

    /// Runs the peer script once for every dataset; its generator must agree with ours.
    private func peers(_ env: BenchEnvironment, expected: [String: String], bytes: [String: Int]) throws(BenchError)
        -> [BenchTransferMeasurement]
    {
        let lines = try env.runPeer(
            "transfer.py",
            [
                "--rows", rows, "--types", types, "--nulls", nulls, "--runs", "\(runs)",
                "--methods", methods, "--csv-max-rows", "\(csvMaxRows)",
            ])
        let byKey = Dictionary(datasets.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [BenchTransferMeasurement] = []
        for line in lines {
            guard let kind = line["kind"] as? String, let name = line["dataset"] as? String,
                let n = line["rows"] as? Int,
                let ds = byKey["\(name)@\(n)"]
            else {
                throw BenchError.peer("transfer.py printed a line this bench does not know: \(line)")
            }
            switch kind {
            case "dataset":
                guard let theirs = line["checksum"] as? String, theirs == expected[ds.key] else {
                    throw BenchError.checksum(
                        "the peers generated \(name) (\(n) rows) with checksum \(line["checksum"] ?? "none"), sandpiper with \(expected[ds.key] ?? "none"): the two generators differ"
                    )
                }
            case "measurement":
                guard let method = line["method"] as? String, let direction = line["direction"] as? String,
                    let median = line["median_s"] as? Double, let lo = line["min_s"] as? Double,
                    let hi = line["max_s"] as? Double,
                    let runs = line["runs"] as? Int
                else {
                    throw BenchError.peer("transfer.py printed an incomplete measurement: \(line)")
                }
                out.append(
                    .init(
                        method: method, variant: line["variant"] as? String ?? "default", direction: direction,
                        dataset: ds,
                        bytes: bytes[ds.key] ?? 0, stats: BenchStats(median: median, min: lo, max: hi, runs: runs)))
            case "skipped":
                out.append(
                    .init(
                        method: line["method"] as? String ?? "?", variant: line["variant"] as? String ?? "default",
                        direction: line["direction"] as? String ?? "?", dataset: ds, bytes: bytes[ds.key] ?? 0,
                        stats: nil,
                        skipped: line["reason"] as? String ?? "skipped"))
            default:
                throw BenchError.peer("transfer.py printed a line of unknown kind '\(kind)'")
            }
        }
        return out
    }
}
