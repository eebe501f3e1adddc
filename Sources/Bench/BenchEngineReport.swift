import Foundation

/// One engine's timing of one benchmark of `bench engine`, with its answer.
public struct BenchEngineResult: Sendable {
    public var method: String
    public var benchmark: String
    public var rows: Int
    public var threads: Int
    public var stats: BenchStats
    public var checksum: [Double]
    /// The query as this engine ran it (KQL, or the peer's SQL), when the benchmark says.
    public var query: String?
    /// What the timed span holds, when the benchmark says.
    public var timed: String?

    public init(
        method: String, benchmark: String, rows: Int, threads: Int, stats: BenchStats, checksum: [Double],
        query: String? = nil, timed: String? = nil
    ) {
        self.method = method; self.benchmark = benchmark; self.rows = rows; self.threads = threads
        self.stats = stats; self.checksum = checksum; self.query = query; self.timed = timed
    }

    /// Every engine's checksum of a benchmark equals sandpiper's (reals to 1e-9 relative: summation order differs).
    public static func checkAgreement(_ results: [BenchEngineResult], peer name: String = "duckdb") throws(BenchError) {
        // Ours is the embedded engine ("sandpiper") or a Kusto endpoint ("target"); the peer is DuckDB (or pyarrow).
        for ours in results where ours.method != name {
            let peers = results.filter { $0.method == name && $0.benchmark == ours.benchmark }
            guard !peers.isEmpty else { throw .peer("no \(name) result for \(ours.benchmark)") }
            for peer in peers {
                let same =
                    ours.checksum.count == peer.checksum.count
                    && zip(ours.checksum, peer.checksum).allSatisfy { a, b in
                        abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)
                    }
                guard same else {
                    throw .checksum(
                        "\(ours.benchmark): sandpiper answered \(ours.checksum), \(name) (\(peer.threads) threads) \(peer.checksum)"
                    )
                }
            }
        }
    }
}

/// Renders engine results as an aligned table, markdown, or JSON lines.
public enum BenchEngineReport {
    /// Ratios are taken against our last row of a benchmark (the one with the most threads).
    public static func render(_ results: [BenchEngineResult], format: BenchFormat, peer: String = "duckdb") -> String {
        func ours(_ r: BenchEngineResult) -> BenchEngineResult? {
            results.last { $0.method != peer && $0.benchmark == r.benchmark }
        }
        if format == .json {
            return results.map { r -> String in
                var o: [String: Any] = [
                    "method": r.method, "benchmark": r.benchmark, "rows": r.rows, "threads": r.threads,
                    "median_s": r.stats.median, "min_s": r.stats.min, "max_s": r.stats.max,
                    "runs": r.stats.runs, "checksum": r.checksum, "checksum_match": true,
                ]
                if let q = r.query { o["query"] = q }
                if let t = r.timed { o["timed"] = t }
                if r.method == peer, let s = ours(r) {
                    o["ratio_sandpiper_to_this"] = s.stats.median / r.stats.median
                }
                return BenchOutput.jsonLine(o)
            }.joined(separator: "\n")
        }
        var rows = [["benchmark", "rows", "engine", "threads", "median", "min", "max", "sandpiper / this"]]
        // Grouped by benchmark in the order they first ran, each group in the order measured.
        var order: [String: Int] = [:]
        for r in results where order[r.benchmark] == nil { order[r.benchmark] = order.count }
        let grouped = results.enumerated().sorted { a, b in
            (order[a.element.benchmark]!, a.offset) < (order[b.element.benchmark]!, b.offset)
        }.map(\.element)
        for r in grouped {
            let ratio = ours(r).map { String(format: "%.2f×", $0.stats.median / r.stats.median) } ?? "-"
            rows.append([
                r.benchmark, "\(r.rows)", r.method, "\(r.threads)", BenchOutput.seconds(r.stats.median),
                BenchOutput.seconds(r.stats.min), BenchOutput.seconds(r.stats.max), ratio,
            ])
        }
        let grid = BenchOutput.grid(rows, markdown: format == .markdown, rightAligned: [1, 3, 4, 5, 6, 7])
        // What each benchmark times, once per benchmark, under the table.
        var seen: Set<String> = []
        var legend: [String] = []
        for r in results where r.method != peer && seen.insert(r.benchmark).inserted {
            guard let timed = r.timed else { continue }
            legend.append(
                (format == .markdown ? "- `" : "") + r.benchmark + (format == .markdown ? "`" : "") + ": "
                    + timed + (r.query.map { " — `\($0)`" } ?? ""))
        }
        return legend.isEmpty ? grid : grid + "\n\n" + legend.joined(separator: "\n")
    }
}
