import ArgumentParser
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench engine`: two queries on generated data through `Engine`, and the same queries in
/// DuckDB (single-threaded, then with its default threads) in the same run; checksums must agree.
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Time a filter/extend/summarize query and a join against DuckDB.",
        discussion: """
            Data: `events` (--rows rows: id, key, value, flag) and join sides `l`, `r` (--join-rows rows), \
            generated from the formulas in BenchEngineData.swift, which bench/peers/duckdb_engine.py repeats. \
            The run fails (exit 1, E_BENCH_CHECKSUM) when the engines' answers differ.
            """
    )

    @Option(help: "Rows of the events table.")
    var rows: Int = 10_000_000

    @Option(help: "Rows of each join side.")
    var joinRows: Int = 1_000_000

    @Option(help: "Output: table, json (one object per measurement and line) or markdown.")
    var format: BenchFormat = .table

    @OptionGroup var common: BenchCommonOptions

    func validate() throws {
        if rows < 1 || joinRows < 1 { throw ValidationError("--rows and --join-rows must be at least 1") }
    }

    func run() throws {
        do {
            let results = try measure()
            BenchOutput.out(BenchEngineReport.render(results, format: format))
        } catch let error as BenchError {
            BenchOutput.err(error.description)
            throw ExitCode(1)
        }
    }

    func measure() throws -> [BenchEngineResult] {
        let env = try BenchEnvironment.prepare(explicit: common.benchDir)
        BenchOutput.err("bench engine: generating \(rows) + 2×\(joinRows) rows")
        let engine = Engine(database: BenchEngineData.database(rows: rows, joinRows: joinRows))
        var results: [BenchEngineResult] = []
        for (name, kql) in BenchEngineData.queries {
            BenchOutput.err("bench engine: sandpiper \(name)")
            var answer: Table?
            var failure: (any Error)?
            let stats = BenchStats.measure(runs: common.runs) {
                do { answer = try engine.execute(kql).tables.last?.table } catch { failure = error }
            }
            if let failure { throw BenchError.peer("sandpiper failed on \(name): \(failure)") }
            guard let answer, answer.rowCount == 1 else { throw BenchError.checksum("sandpiper's \(name) did not return one row") }
            let checksum = answer.row(0).map(Self.number)
            results.append(BenchEngineResult(method: "sandpiper", benchmark: name, rows: rowsOf(name), threads: 1,
                                             stats: stats, checksum: checksum))
        }
        for threads in [1, 0] {
            BenchOutput.err("bench engine: duckdb (\(threads == 1 ? "1 thread" : "default threads"))")
            let lines = try env.runPeer("duckdb_engine.py", ["\(rows)", "\(joinRows)", "\(common.runs)", "\(threads)"])
            for line in lines {
                guard let name = line["benchmark"] as? String, let median = line["median_s"] as? Double,
                      let lo = line["min_s"] as? Double, let hi = line["max_s"] as? Double,
                      let runs = line["runs"] as? Int, let t = line["threads"] as? Int,
                      let checksum = line["checksum"] as? [Double] else {
                    throw BenchError.peer("duckdb_engine.py printed an unexpected line: \(line)")
                }
                results.append(BenchEngineResult(method: "duckdb", benchmark: name, rows: rowsOf(name), threads: t,
                                                 stats: BenchStats(median: median, min: lo, max: hi, runs: runs), checksum: checksum))
            }
        }
        try Self.checkAgreement(results)
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

    /// Every engine's checksum of a benchmark equals sandpiper's (reals to 1e-9 relative: summation order differs).
    static func checkAgreement(_ results: [BenchEngineResult]) throws(BenchError) {
        for ours in results where ours.method == "sandpiper" {
            let peers = results.filter { $0.method != "sandpiper" && $0.benchmark == ours.benchmark }
            guard !peers.isEmpty else { throw .peer("no DuckDB result for \(ours.benchmark)") }
            for peer in peers {
                let same = ours.checksum.count == peer.checksum.count && zip(ours.checksum, peer.checksum).allSatisfy { a, b in
                    abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)
                }
                guard same else {
                    throw .checksum("\(ours.benchmark): sandpiper answered \(ours.checksum), duckdb (\(peer.threads) threads) \(peer.checksum)")
                }
            }
        }
    }
}

/// One engine's timing of one benchmark, with its answer.
struct BenchEngineResult: Sendable {
    var method: String
    var benchmark: String
    var rows: Int
    var threads: Int
    var stats: BenchStats
    var checksum: [Double]
}

/// Renders engine results as an aligned table, markdown, or JSON lines.
enum BenchEngineReport {
    static func render(_ results: [BenchEngineResult], format: BenchFormat) -> String {
        func ours(_ r: BenchEngineResult) -> BenchEngineResult? {
            results.first { $0.method == "sandpiper" && $0.benchmark == r.benchmark }
        }
        if format == .json {
            return results.map { r -> String in
                var o: [String: Any] = ["method": r.method, "benchmark": r.benchmark, "rows": r.rows, "threads": r.threads,
                                        "median_s": r.stats.median, "min_s": r.stats.min, "max_s": r.stats.max,
                                        "runs": r.stats.runs, "checksum": r.checksum, "checksum_match": true]
                if r.method != "sandpiper", let s = ours(r) { o["ratio_sandpiper_to_this"] = s.stats.median / r.stats.median }
                return BenchOutput.jsonLine(o)
            }.joined(separator: "\n")
        }
        var rows = [["benchmark", "rows", "engine", "threads", "median", "min", "max", "sandpiper / this"]]
        for r in results {
            let ratio = ours(r).map { String(format: "%.2f×", $0.stats.median / r.stats.median) } ?? "-"
            rows.append([r.benchmark, "\(r.rows)", r.method, "\(r.threads)", BenchOutput.seconds(r.stats.median),
                         BenchOutput.seconds(r.stats.min), BenchOutput.seconds(r.stats.max), r.method == "sandpiper" ? "1.00×" : ratio])
        }
        return BenchOutput.grid(rows, markdown: format == .markdown, rightAligned: [1, 3, 4, 5, 6, 7])
    }
}
