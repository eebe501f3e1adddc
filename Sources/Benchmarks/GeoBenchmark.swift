import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench geo`: `geo_point_to_s2cell`, `geo_point_to_h3cell`, `geo_distance_2points` and
/// `geo_point_in_polygon` over generated points through `Engine`, and the same questions through the S2 and H3
/// Python bindings (`bench/peers/geo_points.py`: s2geometry, h3) in the same run; every answer must agree.
///
/// Points (`rows` of them, from row number `i`): `lon = -180 + 360 × frac(i × φ₁)`,
/// `lat = -89 + 178 × frac(i × φ₂)`, with φ₁ and φ₂ the fractional parts of the golden and plastic ratios,
/// so they spread evenly over the globe without a pattern in row order.
/// - `s2cell` / `h3cell` count the distinct S2 cells at level 11 / H3 cells at resolution 6 the points fall
///   in (`count_distinct`), checked against the bindings' count.
/// - `point-in-polygon` counts the points in the octant polygon (0,0) → (90,0) → (0,90): its edges are the
///   equator and two meridians, geodesics that bound exactly the points with 0 < lon < 90 and lat > 0, so the
///   count is known without geometry.
/// - `distance` sums every point's distance to (0, 0); the check is the haversine on S2's sphere (radius
///   6,371,010 m, ADX's datum for this function) computed here, to 1e-9 relative.
public struct GeoBenchmark: Sendable {
    /// Points.
    public var rows: Int
    /// Timed runs per measurement, after one warm-up run (the Python peers, plain loops, have no warm-up).
    public var runs: Int
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?

    public init(rows: Int, runs: Int, benchDirectory: String? = nil) {
        self.rows = rows; self.runs = runs; self.benchDirectory = benchDirectory
    }

    static let octant = #"{"type": "Polygon", "coordinates": [[[0, 0], [90, 0], [0, 90], [0, 0]]]}"#

    /// The benchmarks: name and query.
    static let queries: [(String, String)] = [
        ("s2cell", "points | summarize count_distinct(geo_point_to_s2cell(lon, lat, 11))"),
        ("h3cell", "points | summarize count_distinct(geo_point_to_h3cell(lon, lat, 6))"),
        ("point-in-polygon", "points | where geo_point_in_polygon(lon, lat, dynamic(\(octant))) | count"),
        ("distance", "points | summarize sum(geo_distance_2points(lon, lat, 0.0, 0.0))"),
    ]

    /// The generated points.
    static func points(rows: Int) -> (lon: [Double], lat: [Double]) {
        let phi1 = 0.618_033_988_749_894_8, phi2 = 0.324_717_957_244_746_0
        var lon = [Double](repeating: 0, count: rows), lat = lon
        for n in 0..<rows {
            let x = Double(n) * phi1, y = Double(n) * phi2
            lon[n] = -180 + 360 * (x - x.rounded(.down))
            lat[n] = -89 + 178 * (y - y.rounded(.down))
        }
        return (lon, lat)
    }

    /// The expected answer of each benchmark, computed without the engine.
    static func expected(_ lon: [Double], _ lat: [Double]) -> [String: Double] {
        var inside = 0
        var sum = 0.0
        for (x, y) in zip(lon, lat) {
            if x > 0, x < 90, y > 0 { inside += 1 }
            // Haversine, as S2LatLng::GetDistance computes it, times S2Earth::RadiusMeters.
            let lat1 = y * .pi / 180
            let dlat = sin(0.5 * (0 - lat1))
            let dlng = sin(0.5 * (0 - x) * .pi / 180)
            let h = dlat * dlat + dlng * dlng * cos(lat1)
            sum += 2 * asin(min(1, h).squareRoot()) * 6_371_010.0
        }
        return ["point-in-polygon": Double(inside), "distance": sum]
    }

    /// Every measurement, sandpiper's first; throws `E_BENCH_CHECKSUM` when an answer is not the expected one or
    /// a peer's differs from sandpiper's.
    public func measure() throws(BenchError) -> [BenchEngineResult] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        BenchOutput.err("bench geo: generating \(rows) points")
        let (lon, lat) = Self.points(rows: rows)
        let table = Table([("lon", Column(reals: lon)), ("lat", Column(reals: lat))])
        let engine = Engine(database: InMemoryDatabase(tables: [("points", table)]))
        let expected = Self.expected(lon, lat)
        var results: [BenchEngineResult] = []
        for (name, kql) in Self.queries {
            BenchOutput.err("bench geo: \(name)")
            var answer: Table?
            var failure: (any Error)?
            let stats = BenchStats.measure(runs: runs) {
                do { answer = try engine.execute(kql).tables.last?.table } catch { failure = error }
            }
            if let failure { throw BenchError.peer("sandpiper failed on \(name): \(failure)") }
            guard let answer, answer.rowCount == 1, answer.columns.count == 1 else {
                throw BenchError.checksum("sandpiper's \(name) did not return one value")
            }
            let got = EngineBenchmark.number(answer.row(0)[0])
            if let want = expected[name], abs(got - want) > 1e-9 * max(abs(want), 1) {
                throw BenchError.checksum("\(name): sandpiper answered \(got), the check computes \(want)")
            }
            results.append(
                BenchEngineResult(
                    method: "sandpiper", benchmark: name, rows: rows, threads: 1, stats: stats, checksum: [got]))
        }
        for line in try env.runPeer("geo_points.py", ["\(rows)", "\(runs)"]) {
            guard let method = line["method"] as? String, let name = line["benchmark"] as? String,
                let median = line["median_s"] as? Double, let lo = line["min_s"] as? Double,
                let hi = line["max_s"] as? Double, let runs = line["runs"] as? Int,
                let checksum = line["checksum"] as? [Double]
            else {
                throw BenchError.peer("geo_points.py printed an unexpected line: \(line)")
            }
            guard let ours = results.first(where: { $0.method == "sandpiper" && $0.benchmark == name }) else {
                throw BenchError.peer("geo_points.py measured \(name), which sandpiper does not")
            }
            let same =
                checksum.count == ours.checksum.count
                && zip(checksum, ours.checksum).allSatisfy { abs($0 - $1) <= 1e-9 * max(abs($0), abs($1), 1) }
            guard same else {
                throw BenchError.checksum("\(name): sandpiper answered \(ours.checksum), \(method) \(checksum)")
            }
            results.append(
                BenchEngineResult(
                    method: method, benchmark: name, rows: rows, threads: 1,
                    stats: BenchStats(median: median, min: lo, max: hi, runs: runs), checksum: checksum))
        }
        for (name, _) in Self.queries
        where !results.contains(where: { $0.method != "sandpiper" && $0.benchmark == name }) {
            throw BenchError.peer("geo_points.py did not measure \(name)")
        }
        return results
    }

    /// The results as an aligned table, markdown or JSON lines, with points per second and, for each peer,
    /// sandpiper's median over the peer's (below 1: sandpiper is faster).
    public static func render(_ results: [BenchEngineResult], format: BenchFormat) -> String {
        func ratio(_ r: BenchEngineResult) -> Double? {
            guard r.method != "sandpiper",
                let ours = results.first(where: { $0.method == "sandpiper" && $0.benchmark == r.benchmark })
            else { return nil }
            return ours.stats.median / r.stats.median
        }
        if format == .json {
            return results.map { r -> String in
                var o: [String: Any] = [
                    "method": r.method, "benchmark": r.benchmark, "rows": r.rows, "threads": r.threads,
                    "median_s": r.stats.median, "min_s": r.stats.min, "max_s": r.stats.max, "runs": r.stats.runs,
                    "points_per_s": Double(r.rows) / r.stats.median, "checksum": r.checksum, "checksum_match": true,
                ]
                if let x = ratio(r) { o["ratio_sandpiper_to_this"] = x }
                return BenchOutput.jsonLine(o)
            }.joined(separator: "\n")
        }
        var rows = [["benchmark", "rows", "engine", "median", "min", "max", "points/s", "sandpiper / this"]]
        for r in results {
            rows.append([
                r.benchmark, "\(r.rows)", r.method, BenchOutput.seconds(r.stats.median),
                BenchOutput.seconds(r.stats.min),
                BenchOutput.seconds(r.stats.max), String(format: "%.3g", Double(r.rows) / r.stats.median),
                ratio(r).map { String(format: "%.3f×", $0) } ?? "1.00×",
            ])
        }
        return BenchOutput.grid(rows, markdown: format == .markdown, rightAligned: [1, 3, 4, 5, 6, 7])
    }
}
