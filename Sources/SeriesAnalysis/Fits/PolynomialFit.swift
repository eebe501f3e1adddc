/// `series_fit_poly`: least-squares polynomial regression of y on x.
///
/// x defaults to 1, 2, …, n as the page says, so degree 1 reproduces `series_fit_line` (the page's
/// Example 2). The normal equations of high degrees are ill-conditioned, so the Vandermonde system
/// is solved by Householder QR. Points where x or y is missing are left out; `polyFit` is computed
/// wherever x is present. Variances are divided by n − 1, as in `series_fit_line`.
public struct PolynomialFit: Sendable, Hashable {
    /// 1 − residual sum of squares / total sum of squares.
    public var rsquare: Double
    /// The coefficients, highest power first.
    public var coefficients: [Double]
    /// The sample variance of y.
    public var variance: Double
    /// The residual sum of squares divided by n − 1.
    public var rvariance: Double
    /// The fitted polynomial at every x; nil where x is missing.
    public var polyFit: [Double?]

    /// Fits a polynomial of `degree`; nil when fewer than degree + 1 points are present (no unique fit).
    public init?(y: NumericSeries, x: NumericSeries? = nil, degree: Int = 1) throws(SeriesAnalysisError) {
        guard degree >= 0, degree <= PolynomialFit.maximumDegree else {
            throw .argument(
                "series_fit_poly's degree must be between 0 and \(PolynomialFit.maximumDegree), not \(degree)")
        }
        if let x, x.count != y.count {
            throw .argument(
                "series_fit_poly's x_series has \(x.count) elements and y_series \(y.count)",
                hint: "give one x value per y value")
        }
        let n = y.count
        let xs: [Double?] = (0..<n).map { i in
            if let x { return x.isMissing(i) ? nil : x.values[i] }
            return Double(i + 1)
        }
        var rows: [Int] = []
        for i in 0..<n where !y.isMissing(i) && xs[i] != nil { rows.append(i) }
        let m = rows.count, k = degree + 1
        guard m >= k else { return nil }
        // Design matrix, column-major: column c holds x^(degree − c).
        var a = [Double](repeating: 0, count: m * k)
        var b = [Double](repeating: 0, count: m)
        for (r, i) in rows.enumerated() {
            var power = 1.0
            for c in stride(from: k - 1, through: 0, by: -1) {
                a[c * m + r] = power
                power *= xs[i]!
            }
            b[r] = y.values[i]
        }
        guard let solution = HouseholderLeastSquares.solve(a, rows: m, columns: k, b) else { return nil }
        coefficients = solution
        func evaluate(_ x: Double) -> Double { solution.reduce(0) { $0 * x + $1 } }
        var meanY = 0.0
        for i in rows { meanY += y.values[i] }
        meanY /= Double(m)
        var ssr = 0.0, sst = 0.0
        for i in rows {
            let r = y.values[i] - evaluate(xs[i]!), d = y.values[i] - meanY
            ssr += r * r; sst += d * d
        }
        rsquare = LineSegmentFit.rsquare(residual: ssr, total: sst)
        variance = m > 1 ? sst / Double(m - 1) : .nan
        rvariance = m > 1 ? ssr / Double(m - 1) : .nan
        polyFit = xs.map { $0.map(evaluate) }
    }

    /// Degrees above this are rejected: their Vandermonde matrices are singular in double precision.
    public static let maximumDegree = 32
}

/// Least squares by Householder QR, for small dense systems.
enum HouseholderLeastSquares {
    /// Minimises |A·x − b| for A (rows × columns, column-major, rows ≥ columns); nil when A is rank
    /// deficient.
    static func solve(_ matrix: [Double], rows m: Int, columns k: Int, _ rhs: [Double]) -> [Double]? {
        var a = matrix, b = rhs
        // A column whose part left after the earlier reflections is negligible against its own
        // length depends on the earlier columns: the matrix is rank deficient.
        var columnNorms = [Double](repeating: 0, count: k)
        for c in 0..<k {
            var s = 0.0
            for r in 0..<m { s += a[c * m + r] * a[c * m + r] }
            columnNorms[c] = s.squareRoot()
        }
        for c in 0..<k {
            var norm = 0.0
            for r in c..<m { norm += a[c * m + r] * a[c * m + r] }
            norm = norm.squareRoot()
            if norm <= columnNorms[c] * 1e-12 { return nil }
            let alpha = a[c * m + c] > 0 ? -norm : norm
            // v = column − alpha·e_c, stored in place below the diagonal.
            a[c * m + c] -= alpha
            var vv = 0.0
            for r in c..<m { vv += a[c * m + r] * a[c * m + r] }
            if vv > 0 {
                for c2 in (c + 1)..<max(c + 1, k) {
                    var dot = 0.0
                    for r in c..<m { dot += a[c * m + r] * a[c2 * m + r] }
                    let f = 2 * dot / vv
                    for r in c..<m { a[c2 * m + r] -= f * a[c * m + r] }
                }
                var dot = 0.0
                for r in c..<m { dot += a[c * m + r] * b[r] }
                let f = 2 * dot / vv
                for r in c..<m { b[r] -= f * a[c * m + r] }
            }
            a[c * m + c] = alpha
        }
        var x = [Double](repeating: 0, count: k)
        for c in stride(from: k - 1, through: 0, by: -1) {
            var s = b[c]
            for c2 in (c + 1)..<max(c + 1, k) { s -= a[c2 * m + c] * x[c2] }
            x[c] = s / a[c * m + c]
        }
        return x
    }
}
