import Bench
import Columnar
import Foundation
import KQLEngine

/// `sandpiper bench geo`: `geo_point_in_polygon` and `geo_distance_2points` over generated points through
/// `Engine`, each answer checked against arithmetic that does not go through the engine.
///
/// Points (`rows` of them, from row number `i`): `lon = -180 + 360 × frac(i × φ₁)`,
/// `lat = -89 + 178 × frac(i × φ₂)`, with φ₁ and φ₂ the fractional parts of the golden and plastic ratios,
/// so they spread evenly over the globe without a pattern in row order.
/// - `point-in-polygon` counts the points in the octant polygon (0,0) → (90,0) → (0,90): its edges are the
///   equator and two meridians, geodesics that bound exactly the points with 0 < lon < 90 and lat > 0, so the
///   count is known without geometry.
/// - `distance` sums every point's distance to (0, 0); the check is the haversine on S2's sphere (radius
///   6,371,010 m, ADX's datum for this function) computed here, to 1e-9 relative.
public struct GeoBenchmark: Sendable {
    /// Points.
    public var rows: Int
    /// Timed runs per measurement, after one warm-up run.
    public var runs: Int

    public init(rows: Int, runs: Int) {
        self.rows = rows; self.runs = runs
    }

    static let octant = #"{"type": "Polygon", "coordinates": [[[0, 0], [90, 0], [0, 90], [0, 0]]]}"#

    /// The benchmarks: name and query.
    static let queries: [(String, String)] = [
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

    /// Every measurement; throws `E_BENCH_CHECKSUM` when an answer is not the expected one.
    public func measure() throws(BenchError) -> [BenchEngineResult] {
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
            let want = expected[name] ?? .nan
            guard abs(got - want) <= 1e-9 * max(abs(want), 1) else {
                throw BenchError.checksum("\(name): sandpiper answered \(got), the check computes \(want)")
            }
            results.append(
                BenchEngineResult(
                    method: "sandpiper", benchmark: name, rows: rows, threads: 1, stats: stats, checksum: [got]))
        }
        return results
    }
}
