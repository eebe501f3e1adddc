/// The reductions of a series to one number: `series_sum`, `series_product`, `series_magnitude`,
/// `series_dot_product`, `series_cosine_similarity` and `series_pearson_correlation`.
///
/// Missing (null or non-numeric) elements are ignored, as the dot-product and cosine pages say;
/// a reduction over no values at all is nil (null), as their notes say for empty arrays.
public enum SeriesReductions {
    /// The sum of the present elements.
    public static func sum(_ series: NumericSeries) -> Double? {
        guard !series.isAllMissing else { return nil }
        var total = 0.0
        for i in 0..<series.count where !series.isMissing(i) { total += series.values[i] }
        return total
    }

    /// The product of the present elements.
    public static func product(_ series: NumericSeries) -> Double? {
        guard !series.isAllMissing else { return nil }
        var total = 1.0
        for i in 0..<series.count where !series.isMissing(i) { total *= series.values[i] }
        return total
    }

    /// The Euclidean norm, √(Σ x²).
    public static func magnitude(_ series: NumericSeries) -> Double? {
        guard !series.isAllMissing else { return nil }
        var total = 0.0
        for i in 0..<series.count where !series.isMissing(i) { total += series.values[i] * series.values[i] }
        return total.squareRoot()
    }

    /// Σ a[i]·b[i] over the shorter length (the longer series is truncated); a scalar is broadcast
    /// to the other series' length (`series_dot_product([1, 2, 3], 10)` is `[1, 2, 3]·[10, 10, 10]`).
    public static func dotProduct(_ a: SeriesOperand, _ b: SeriesOperand) throws(SeriesAnalysisError) -> Double? {
        var total = 0.0
        let pairs = try forEachPair(a, b) { x, y in total += x * y }
        return pairs > 0 ? total : nil
    }

    /// The cosine of the angle between the two series over the shorter length. Given magnitudes are
    /// used as they are; otherwise each is computed over the positions both series have a value at.
    public static func cosineSimilarity(
        _ a: NumericSeries, _ b: NumericSeries,
        magnitudeA: Double? = nil, magnitudeB: Double? = nil
    ) -> Double? {
        var dot = 0.0, aa = 0.0, bb = 0.0
        let pairs =
            (try? forEachPair(.series(a), .series(b)) { x, y in
                dot += x * y; aa += x * x; bb += y * y
            }) ?? 0
        guard pairs > 0 else { return nil }
        let denominator = (magnitudeA ?? aa.squareRoot()) * (magnitudeB ?? bb.squareRoot())
        return denominator == 0 ? nil : dot / denominator
    }

    /// The Pearson correlation coefficient; nil when the series differ in length, hold a missing
    /// element (the page: either "yields a null result"), have fewer than two points or are constant.
    public static func pearsonCorrelation(_ a: NumericSeries, _ b: NumericSeries) -> Double? {
        let n = a.count
        guard n == b.count, n >= 2, a.missingCount == 0, b.missingCount == 0 else { return nil }
        var ma = 0.0, mb = 0.0
        for i in 0..<n { ma += a.values[i]; mb += b.values[i] }
        ma /= Double(n); mb /= Double(n)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in 0..<n {
            let da = a.values[i] - ma, db = b.values[i] - mb
            sab += da * db; saa += da * da; sbb += db * db
        }
        let denominator = (saa * sbb).squareRoot()
        return denominator == 0 ? nil : sab / denominator
    }

    /// Calls `body` with each pair of present values over the shorter length; returns the number of
    /// pairs (0 when either series is empty).
    private static func forEachPair(
        _ a: SeriesOperand, _ b: SeriesOperand,
        _ body: (Double, Double) -> Void
    ) throws(SeriesAnalysisError) -> Int {
        let n: Int
        switch (a.length, b.length) {
        case (let x?, let y?): n = Swift.min(x, y)
        case (let x?, nil): n = x
        case (nil, let y?): n = y
        case (nil, nil): throw .argument("series_dot_product needs at least one dynamic array argument")
        }
        var pairs = 0
        for i in 0..<n {
            guard let x = a.element(at: i).doubleValue, let y = b.element(at: i).doubleValue else { continue }
            body(x, y)
            pairs += 1
        }
        return pairs
    }
}
