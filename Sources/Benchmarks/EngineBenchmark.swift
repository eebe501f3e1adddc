import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench engine`: the queries of ``BenchEngineData`` on generated data through `Engine`, and the
/// same queries in DuckDB (single-threaded, then with its default threads) in the same run; every engine's
/// one-row answer must agree with DuckDB's.
///
/// The embedded engine runs three ways: `sandpiper-serial` (whole-table operators on one thread, the
/// executor's path for tables below the parallel threshold, and the only one before morsels existed),
/// `sandpiper` with one thread (the morsel path, run by one thread) and with every core. The buffer
/// cache's background huge-page collapsing is switched off for all of them, so "one thread" is one thread.
public struct EngineBenchmark: Sendable {
    /// Rows of the events, logs and sparse tables.
    public var rows: Int
    /// Rows of each join side (the many-to-many sides have a tenth of them).
    public var joinRows: Int
    /// Timed runs per measurement, after one warm-up run.
    public var runs: Int
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?
    /// Only the benchmarks with these names (nil: all).
    public var only: Set<String>?

    /// Runs a query (or command) on a Kusto endpoint and returns its result tables; nil: the embedded engine.
    public typealias Target = @Sendable (String) throws -> [Table]
    /// The endpoint the queries go to (`bench engine --target`), reported as method `target`.
    public var target: Target?

    public init(
        rows: Int, joinRows: Int, runs: Int, benchDirectory: String?, only: Set<String>? = nil,
        target: Target? = nil
    ) {
        self.rows = rows; self.joinRows = joinRows; self.runs = runs; self.benchDirectory = benchDirectory
        self.only = only; self.target = target
    }

    /// The engine configurations measured: method name, threads reported, parallelism.
    static func configurations() -> [(method: String, threads: Int, parallelism: QueryParallelism)] {
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        var all: [(String, Int, QueryParallelism)] = [
            ("sandpiper-serial", 1, .serial), ("sandpiper", 1, QueryParallelism(threads: 1)),
        ]
        if cores > 1 { all.append(("sandpiper", cores, QueryParallelism(threads: cores))) }
        return all
    }

    /// Every measurement, sandpiper's first; throws `E_BENCH_CHECKSUM` when the engines' answers differ.
    public func measure() throws(BenchError) -> [BenchEngineResult] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        let queries = BenchEngineData.queries(rows: rows).filter { only?.contains($0.name) ?? true }
        guard !queries.isEmpty else { throw BenchError.peer("no benchmark has one of the names \(only ?? [])") }
        BenchOutput.err(
            "bench engine: generating \(rows) rows (events, logs, sparse) + 2×\(joinRows) join rows"
                + (target == nil ? "" : " on the target"))
        var runners: [(method: String, threads: Int, run: Target)] = []
        if let target {
            do {
                for command in BenchEngineData.commands(rows: rows, joinRows: joinRows) { _ = try target(command) }
            } catch {
                throw BenchError.peer("the target could not build the data: \(error)")
            }
            runners.append(("target", 1, target))
        } else {
            DataBuffer.collapsesInBackground = false
            let database = BenchEngineData.database(rows: rows, joinRows: joinRows)
            for c in Self.configurations() {
                let engine = Engine(database: database, parallelism: c.parallelism)
                runners.append((c.method, c.threads, { try engine.execute($0).tables.map(\.table) }))
            }
        }
        var results: [BenchEngineResult] = []
        for q in queries {
            for runner in runners {
                BenchOutput.err("bench engine: \(runner.method) (\(runner.threads) threads) \(q.name)")
                var answer: Table?
                var failure: (any Error)?
                let stats = BenchStats.measure(runs: runs) {
                    do { answer = try runner.run(q.kql).last } catch { failure = error }
                }
                if let failure { throw BenchError.peer("\(runner.method) failed on \(q.name): \(failure)") }
                guard let answer, answer.rowCount == 1 else {
                    throw BenchError.checksum("\(runner.method)'s \(q.name) did not return one row")
                }
                results.append(
                    BenchEngineResult(
                        method: runner.method, benchmark: q.name, rows: rowsOf(q), threads: runner.threads,
                        stats: stats, checksum: answer.row(0).map(Self.number),
                        query: q.kql, timed: BenchEngineData.timedSpan + ": " + q.timed))
            }
        }
        for threads in [1, 0] {
            BenchOutput.err("bench engine: duckdb (\(threads == 1 ? "1 thread" : "default threads"))")
            let names = queries.map(\.name).joined(separator: ",")
            let lines = try env.runPeer(
                "duckdb_engine.py", ["\(rows)", "\(joinRows)", "\(runs)", "\(threads)", names])
            for line in lines {
                guard let name = line["benchmark"] as? String, let median = line["median_s"] as? Double,
                    let lo = line["min_s"] as? Double, let hi = line["max_s"] as? Double,
                    let runs = line["runs"] as? Int, let t = line["threads"] as? Int,
                    let checksum = line["checksum"] as? [Double], let q = queries.first(where: { $0.name == name })
                else {
                    throw BenchError.peer("duckdb_engine.py printed an unexpected line: \(line)")
                }
                results.append(
                    BenchEngineResult(
                        method: "duckdb", benchmark: name, rows: rowsOf(q), threads: t,
                        stats: BenchStats(median: median, min: lo, max: hi, runs: runs), checksum: checksum,
                        query: line["sql"] as? String, timed: BenchEngineData.timedSpan + ": " + q.timed))
            }
        }
        try BenchEngineResult.checkAgreement(results)
        return results
    }

    private func rowsOf(_ q: BenchEngineData.Query) -> Int {
        BenchEngineData.rows(of: q.table, rows: rows, joinRows: joinRows)
    }

    static func number(_ v: Value) -> Double {
        switch v {
        case .long(let x): return Double(x)
        case .int(let x): return Double(x)
        case .real(let x): return x
        default: return .nan
        }
    }
}
