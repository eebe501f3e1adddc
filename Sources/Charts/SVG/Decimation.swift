/// Thinning of long series so that a chart of a million points is as small as one of a thousand and
/// looks the same.
enum Decimation {
    /// A line through `points` (pixels, in drawing order) reduced to at most four points per pixel
    /// column: the first, the lowest, the highest and the last (the "M4" aggregation), which draws the
    /// same pixels as the full line. Lines shorter than two points per column are kept as they are.
    static func line(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 64 else { return points }
        let xs = points.map(\.0)
        let span = (xs.max() ?? 0) - (xs.min() ?? 0)
        guard Double(points.count) > 2 * max(span, 1) else { return points }
        var out: [(Double, Double)] = []
        var bucket = points[0].0.rounded(.down)
        var first = 0, minI = 0, maxI = 0, last = 0
        func flush() {
            for i in Set([first, minI, maxI, last]).sorted() { out.append(points[i]) }
        }
        for (i, p) in points.enumerated() {
            let b = p.0.rounded(.down)
            if b != bucket {
                flush()
                bucket = b; first = i; minI = i; maxI = i; last = i
                continue
            }
            if p.1 < points[minI].1 { minI = i }
            if p.1 > points[maxI].1 { maxI = i }
            last = i
        }
        flush()
        return out
    }

    /// Scatter points with repeats at the same spot removed (they draw nothing new): the same half
    /// pixel, or the same pixel once there are thousands.
    static func points(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 500 else { return points }
        let grid = points.count > 5000 ? 1.0 : 2.0
        var seen = Set<Int64>()
        return points.filter { p in
            let key = Int64((p.0 * grid).rounded()) &* 1_000_003 &+ Int64((p.1 * grid).rounded())
            return seen.insert(key).inserted
        }
    }
}
