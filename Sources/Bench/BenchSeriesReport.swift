import Foundation

/// One method's timing of `bench series` (make-series + anomalies over `series` series), with its answer:
/// the counts of up and down anomalies and of series.
public struct BenchSeriesResult: Sendable {
    public var method: String
    public var series: Int
    public var points: Int
    /// Wall-clock times of the timed runs.
    public var stats: BenchStats
    /// The median CPU time (user + system) of a run, in seconds.
    public var cpuMedian: Double
    public var checksum: [Double]

    public init(method: String, series: Int, points: Int, stats: BenchStats, cpuMedian: Double, checksum: [Double]) {
        self.method = method; self.series = series; self.points = points; self.stats = stats
        self.cpuMedian = cpuMedian; self.checksum = checksum
    }

    /// Series analysed per second of the median run.
    public var seriesPerSecond: Double { Double(series) / stats.median }
}

/// Renders `bench series` results as an aligned table, markdown, or JSON lines (one per method).
public enum BenchSeriesReport {
    public static func render(_ results: [BenchSeriesResult], format: BenchFormat) -> String {
        let ours = results.first { $0.method == "sandpiper" }
        if format == .json {
            return results.map { r -> String in
                var o: [String: Any] = [
                    "benchmark": "make-series+decompose-anomalies", "method": r.method, "series": r.series,
                    "points": r.points, "median_s": r.stats.median, "min_s": r.stats.min, "max_s": r.stats.max,
                    "cpu_median_s": r.cpuMedian, "runs": r.stats.runs, "series_per_s": r.seriesPerSecond,
                    "checksum": r.checksum,
                    "checksum_match": true,
                ]
                if let ours { o["ratio_sandpiper_to_this"] = ours.stats.median / r.stats.median }
                return BenchOutput.jsonLine(o)
            }.joined(separator: "\n")
        }
        var rows = [
            [
                "series", "points", "method", "median", "min", "max", "series/s", "CPU median", "anomalies",
                "sandpiper / this",
            ]
        ]
        for r in results {
            let ratio = ours.map { String(format: "%.2f×", $0.stats.median / r.stats.median) } ?? "-"
            let found = r.checksum.count == 3 ? "\(Int(r.checksum[0])) up, \(Int(r.checksum[1])) down" : "-"
            rows.append([
                "\(r.series)", "\(r.points)", r.method, BenchOutput.seconds(r.stats.median),
                BenchOutput.seconds(r.stats.min), BenchOutput.seconds(r.stats.max),
                BenchOutput.rate(r.seriesPerSecond), BenchOutput.seconds(r.cpuMedian), found, ratio,
            ])
        }
        return BenchOutput.grid(rows, markdown: format == .markdown, rightAligned: [0, 1, 3, 4, 5, 6, 7, 9])
    }
}
