import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench engine`: two queries on generated data through `Engine`, and the same queries in
/// DuckDB (single-threaded, then with its default threads) in the same run; checksums must agree.
public struct EngineBenchmark: Sendable {
    /// Rows of the events table.
    public var rows: Int
    /// Rows of each join side.
    public var joinRows: Int
    /// Timed runs per measurement, after one warm-up run.
    public var runs: Int
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?

    /// Runs a query (or command) on a Kusto endpoint and returns its result tables; nil: the embedded engine.
    public typealias Target = @Sendable (String) throws -> [Table]
    /// The endpoint the queries go to (`bench engine --target`), reported as method `target`.
    public var target: Target?

    public init(rows: Int, joinRows: Int, runs: Int, benchDirectory: String?, target: Target? = nil) {
        self.rows = rows; self.joinRows = joinRows; self.runs = runs; self.benchDirectory = benchDirectory;
        self.target = target
    }

    /// Every measurement, sandpiper's first; throws `E_BENCH_CHECKSUM` when the engines' answers differ.
    public func measure() throws(BenchError) -> [BenchEngineResult] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        BenchOutput.err(
            "bench engine: generating \(rows) + 2×\(joinRows) rows" + (target == nil ? "" : " on the target"))
        let method = target == nil ? "sandpiper" : "target"
        let run: Target
        if let target {
            do {
                for command in BenchEngineData.commands(rows: rows, joinRows: joinRows) { _ = try target(command) }
            } catch {
                throw BenchError.peer("the target could not build the data: \(error)")
            }
            run = target
        } else {
            let engine = Engine(database: BenchEngineData.database(rows: rows, joinRows: joinRows))
            run = { try engine.execute($0).tables.map(\.table) }
        }
        var results: [BenchEngineResult] = []
        for (name, kql) in BenchEngineData.queries {
            BenchOutput.err("bench engine: \(method) \(name)")
            var answer: Table?
            var failure: (any Error)?
            let stats = BenchStats.measure(runs: runs) {
                do { answer = try run(kql).last } catch { failure = error }
            }
            if let failure { throw BenchError.peer("\(method) failed on \(name): \(failure)") }
            guard let answer, answer.rowCount == 1 else {
                throw BenchError.checksum("\(method)'s \(name) did not return one row")
            }
            let checksum = answer.row(0).map(Self.number)
            results.append(
                BenchEngineResult(
                    method: method, benchmark: name, rows: rowsOf(name), threads: 1,
                    stats: stats, checksum: checksum))
        }
        for threads in [1, 0] {
            BenchOutput.err("bench engine: duckdb (\(threads == 1 ? "1 thread" : "default threads"))")
            let lines = try env.runPeer("duckdb_engine.py", ["\(rows)", "\(joinRows)", "\(runs)", "\(threads)"])
            for line in lines {
                guard let name = line["benchmark"] as? String, let median = line["median_s"] as? Double,
                    let lo = line["min_s"] as? Double, let hi = line["max_s"] as? Double,
                    let runs = line["runs"] as? Int, let t = line["threads"] as? Int,
                    let checksum = line["checksum"] as? [Double]
                else {
                    throw BenchError.peer("duckdb_engine.py printed an unexpected line: \(line)")
                }
                results.append(
                    BenchEngineResult(
                        method: "duckdb", benchmark: name, rows: rowsOf(name), threads: t,
                        stats: BenchStats(median: median, min: lo, max: hi, runs: runs), checksum: checksum))
            }
        }
        try BenchEngineResult.checkAgreement(results)
        return results
    }

    private func rowsOf(_ benchmark: String) -> Int { benchmark == "join" ? joinRows : rows }

    static func number(_ v: Value) -> Double {
        switch v {
        case .long(let x): return Double(x)
        case .int(let x): return Double(x)
        case .real(let x): return x
        default: return .nan
        }
    }
}
