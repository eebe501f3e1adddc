/// `series_fit_line`: least-squares line through a series.
///
/// The series' points are placed at x = 1, 2, …, n: the page's example (y = 2, 5, 6, …) gives
/// slope 2.730, interception −1.666 and a first fitted value of 1.064 = 2.730·1 − 1.666. Its
/// variance (98.628) and residual variance (1.686) are divided by n − 1. Missing points are left out
/// of the fit; `lineFit` still has a value at every position. Undefined quantities (a variance of a
/// single point) are NaN, which the wrapper shows as null.
public struct LineFit: Sendable, Hashable {
    /// 1 − residual sum of squares / total sum of squares (1 for a perfect fit, constant data included).
    public var rsquare: Double
    /// a of y = a·x + b.
    public var slope: Double
    /// The sample variance of the data (divided by n − 1).
    public var variance: Double
    /// The residual sum of squares divided by n − 1.
    public var rvariance: Double
    /// b of y = a·x + b.
    public var interception: Double
    /// a·x + b at every position x = 1…n.
    public var lineFit: [Double]

    /// Fits a line to `series`.
    public init(_ series: NumericSeries) {
        let segment = LineSegmentFit(series, range: 0..<series.count)
        rsquare = segment.rsquare
        slope = segment.slope
        variance = segment.variance
        rvariance = segment.rvariance
        interception = segment.interception
        lineFit = (0..<series.count).map { segment.slope * Double($0 + 1) + segment.interception }
    }
}

/// The line fitted to the points of one range of a series (x = index + 1), two passes for accuracy.
struct LineSegmentFit: Sendable, Hashable {
    var count: Int
    var rsquare: Double
    var slope: Double
    var interception: Double
    var variance: Double
    var rvariance: Double
    var residualSum: Double
    var totalSum: Double

    init(_ series: NumericSeries, range: Range<Int>) {
        let y = series.values
        var m = 0
        var sx = 0.0, sy = 0.0
        for i in range where !series.isMissing(i) {
            m += 1; sx += Double(i + 1); sy += y[i]
        }
        count = m
        guard m > 0 else {
            self.rsquare = .nan; slope = .nan; interception = .nan; variance = .nan; rvariance = .nan
            residualSum = .nan; totalSum = .nan
            return
        }
        let mx = sx / Double(m), my = sy / Double(m)
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for i in range where !series.isMissing(i) {
            let dx = Double(i + 1) - mx, dy = y[i] - my
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy
        }
        slope = sxx > 0 ? sxy / sxx : 0
        interception = my - slope * mx
        var ssr = 0.0
        for i in range where !series.isMissing(i) {
            let r = y[i] - (slope * Double(i + 1) + interception)
            ssr += r * r
        }
        residualSum = ssr
        totalSum = syy
        rsquare = LineSegmentFit.rsquare(residual: ssr, total: syy)
        variance = m > 1 ? syy / Double(m - 1) : .nan
        rvariance = m > 1 ? ssr / Double(m - 1) : .nan
    }

    /// 1 − SSR/SST, with a perfect fit of constant data counted as 1.
    static func rsquare(residual: Double, total: Double) -> Double {
        if total > 0 { return 1 - residual / total }
        return residual == 0 ? 1 : .nan
    }
}
