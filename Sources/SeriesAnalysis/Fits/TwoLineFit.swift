/// `series_fit_2lines`: the best two-segment linear regression.
///
/// As the page describes, every split of the series into a left and a right part is tried, a line
/// is fitted to each part as `series_fit_line` does (same x = 1…n axis, so both interceptions are on
/// it), and the split with the largest total r-square `1 − (SSR_left + SSR_right) / SST` wins; the
/// first one on a tie. Each part holds at least two points. `splitIndex` is the zero-based index of
/// the first point of the right part. Series with fewer than four points have no split: the result
/// is nil (null).
public struct TwoLineFit: Sendable, Hashable {
    /// The fit of one side of the split.
    public struct Side: Sendable, Hashable {
        /// The side's own r-square.
        public var rsquare: Double
        /// a of y = a·x + b, x = 1…n over the whole series.
        public var slope: Double
        /// b of y = a·x + b.
        public var interception: Double
        /// The sample variance of the side's points.
        public var variance: Double
        /// The side's residual sum of squares divided by its count − 1.
        public var rvariance: Double
    }

    /// 1 − (SSR_left + SSR_right) / SST.
    public var rsquare: Double
    /// The zero-based index of the first point of the right part.
    public var splitIndex: Int
    /// The sample variance of the whole series.
    public var variance: Double
    /// The two lines' residual sum of squares divided by n − 1.
    public var rvariance: Double
    /// The two lines' value at every position.
    public var lineFit: [Double]
    /// The line before the split.
    public var left: Side
    /// The line from the split on.
    public var right: Side

    /// Fits two lines to `series`; nil when it has fewer than four present points.
    public init?(_ series: NumericSeries) {
        let n = series.count
        guard n - series.missingCount >= 4 else { return nil }
        // Prefix sums over values centred on the whole series keep the one-pass sums accurate.
        let whole = LineSegmentFit(series, range: 0..<n)
        let cx = Double(n + 1) / 2
        var my = 0.0
        for i in 0..<n where !series.isMissing(i) { my += series.values[i] }
        my /= Double(n - series.missingCount)
        var prefix = [PrefixSums](repeating: PrefixSums(), count: n + 1)
        for i in 0..<n {
            var p = prefix[i]
            if !series.isMissing(i) {
                let x = Double(i + 1) - cx, y = series.values[i] - my
                p.count += 1; p.x += x; p.y += y; p.xx += x * x; p.xy += x * y; p.yy += y * y
            }
            prefix[i + 1] = p
        }
        var best = -1
        var bestResidual = Double.infinity
        for split in 1..<n {
            let l = prefix[split], r = prefix[n] - prefix[split]
            guard l.count >= 2, r.count >= 2 else { continue }
            let residual = l.residualSum + r.residualSum
            if residual < bestResidual { bestResidual = residual; best = split }
        }
        guard best > 0 else { return nil }
        let l = LineSegmentFit(series, range: 0..<best)
        let r = LineSegmentFit(series, range: best..<n)
        splitIndex = best
        let residual = l.residualSum + r.residualSum
        rsquare = LineSegmentFit.rsquare(residual: residual, total: whole.totalSum)
        variance = whole.variance
        let m = n - series.missingCount
        rvariance = residual / Double(m - 1)
        lineFit = (0..<n).map { i in
            let side = i < best ? l : r
            return side.slope * Double(i + 1) + side.interception
        }
        left = Side(
            rsquare: l.rsquare, slope: l.slope, interception: l.interception, variance: l.variance,
            rvariance: l.rvariance)
        right = Side(
            rsquare: r.rsquare, slope: r.slope, interception: r.interception, variance: r.variance,
            rvariance: r.rvariance)
    }
}

/// Running sums of (x, y) over a prefix of the series, for O(1) segment fits during the search.
private struct PrefixSums {
    var count = 0
    var x = 0.0, y = 0.0, xx = 0.0, xy = 0.0, yy = 0.0

    static func - (a: PrefixSums, b: PrefixSums) -> PrefixSums {
        PrefixSums(
            count: a.count - b.count, x: a.x - b.x, y: a.y - b.y, xx: a.xx - b.xx, xy: a.xy - b.xy, yy: a.yy - b.yy)
    }

    /// The residual sum of squares of the least-squares line through these points.
    var residualSum: Double {
        let m = Double(count)
        let sxx = xx - x * x / m, sxy = xy - x * y / m, syy = yy - y * y / m
        let ssr = sxx > 0 ? syy - sxy * sxy / sxx : syy
        return max(0, ssr)
    }
}
