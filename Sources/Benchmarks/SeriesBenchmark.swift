import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench series`: `make-series` + `series_decompose_anomalies` over many series through
/// `Engine`, and the same analysis in pandas/numpy and in statsmodels (bench/peers/series_anomalies.py)
/// in the same run, on the same data (`BenchSeriesData`).
///
/// Every method starts from the raw rows (the engine's table, a pandas DataFrame), lays them out on the
/// hourly axis, decomposes each series with a 24-bin period and the average as trend, scores the
/// residual with ctukey (10th/90th percentiles) and counts the points beyond 1.5. The `pandas` peer
/// writes ADX's documented algorithm (per-phase medians) in vectorised numpy; the `statsmodels` peer is
/// what a pandas user writes: `seasonal_decompose` per series (moving-average trend, per-phase means)
/// with the same scoring. Each method's counts of up and down anomalies, and of series, must equal the
/// spikes the generator planted, or the run fails with `E_BENCH_CHECKSUM`. Beside the wall times each
/// method reports its median CPU time (user + system), the steadier figure on a shared machine.
public struct SeriesBenchmark: Sendable {
    /// Series.
    public var series: Int
    /// Points per series (hours).
    public var points: Int
    /// Timed runs per measurement, after one warm-up run.
    public var runs: Int
    /// The SplitMix64 seed of the data.
    public var seed: UInt64
    /// Which peers run: `pandas`, `statsmodels`.
    public var peers: [String]
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?

    /// The peers bench/peers/series_anomalies.py implements.
    public static let knownPeers = ["pandas", "statsmodels"]

    public init(
        series: Int, points: Int, runs: Int, seed: UInt64 = 14, peers: [String] = knownPeers,
        benchDirectory: String?
    ) {
        self.series = series; self.points = points; self.runs = runs; self.seed = seed; self.peers = peers
        self.benchDirectory = benchDirectory
    }

    /// Every measurement, sandpiper's first; throws `E_BENCH_CHECKSUM` when a method's counts are not the
    /// planted ones.
    public func measure() throws(BenchError) -> [BenchSeriesResult] {
        let env = peers.isEmpty ? nil : try BenchEnvironment.prepare(explicit: benchDirectory)
        BenchOutput.err("bench series: generating \(series) series × \(points) points")
        let data = BenchSeriesData.samples(series: series, points: points, seed: seed)
        let expected = [Double(data.up), Double(data.down), Double(series)]
        let engine = Engine(database: InMemoryDatabase(tables: [("samples", data.table)]))
        let kql = BenchSeriesData.query(points: points)
        BenchOutput.err("bench series: sandpiper")
        var answer: Table?
        var failure: (any Error)?
        func analyse() {
            do { answer = try engine.execute(kql).tables.last?.table } catch { failure = error }
        }
        analyse()  // warm-up
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(runs, 1) where failure == nil {
            let c0 = BenchClock.processCPUMilliseconds()
            wall.append(BenchClock.time(analyse))
            cpu.append((BenchClock.processCPUMilliseconds() - c0) / 1000)
        }
        if let failure { throw BenchError.peer("sandpiper failed: \(failure)") }
        guard let answer, answer.rowCount == 1, answer.columns.count == 3 else {
            throw BenchError.checksum("sandpiper's analysis did not return one row of three counts")
        }
        var results = [
            BenchSeriesResult(
                method: "sandpiper", series: series, points: points, stats: BenchStats(wall),
                cpuMedian: BenchStats(cpu).median, checksum: answer.row(0).map(EngineBenchmark.number))
        ]
        if let env {
            BenchOutput.err("bench series: \(peers.joined(separator: ", "))")
            let lines = try env.runPeer(
                "series_anomalies.py",
                ["\(series)", "\(points)", "\(runs)", "\(seed)", peers.joined(separator: ",")])
            for line in lines {
                guard let method = line["method"] as? String, let median = line["median_s"] as? Double,
                    let lo = line["min_s"] as? Double, let hi = line["max_s"] as? Double,
                    let n = line["runs"] as? Int, let checksum = line["checksum"] as? [Double],
                    let cpu = line["cpu_median_s"] as? Double
                else {
                    throw BenchError.peer("series_anomalies.py printed an unexpected line: \(line)")
                }
                results.append(
                    BenchSeriesResult(
                        method: method, series: series, points: points,
                        stats: BenchStats(median: median, min: lo, max: hi, runs: n), cpuMedian: cpu,
                        checksum: checksum))
            }
            guard Set(results.map(\.method)) == Set(["sandpiper"] + peers) else {
                throw BenchError.peer("series_anomalies.py did not report every peer of \(peers)")
            }
        }
        for r in results where r.checksum != expected {
            throw BenchError.checksum(
                "\(r.method) counted [up, down, series] = \(r.checksum); the generator planted \(expected)")
        }
        return results
    }
}
