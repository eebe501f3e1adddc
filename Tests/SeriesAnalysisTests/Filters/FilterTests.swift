import Testing
import SeriesAnalysis

/// `series_fir` and `series_iir`.
@Suite struct FilterTests {
    private let spike = series([0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 20, 40, 100, 40, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0])

    /// The page's 5-point moving average: the causal one moves the peak 2 bins later, the centred
    /// one keeps it in place. Expected values are the means of the five points, derived by hand.
    @Test func movingAverage() throws {
        let causal = try #require(FIRFilter.apply(spike, filter: [1, 1, 1, 1, 1]))
        #expect(causal.values.firstIndex(of: causal.values.max()!) == 14)
        expectClose(Array(causal.values[9...16]), [2, 6, 14, 34, 42, 44, 42, 34])
        let centred = try #require(FIRFilter.apply(spike, filter: [1, 1, 1, 1, 1], normalize: true, center: true))
        #expect(centred.values.firstIndex(of: centred.values.max()!) == 12)
        expectClose(Array(centred.values[7...17]), [2, 6, 14, 34, 42, 44, 42, 34, 14, 6, 2])
    }

    /// The page's difference filter [1, -1]: each point minus the one before.
    @Test func difference() throws {
        let value = series([0, 0, 0, 0, 2, 2, 2, 2, 3, 3, 3, 3])
        let diff = try #require(FIRFilter.apply(value, filter: [1, -1], normalize: false, center: false))
        #expect(diff.values == [0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0])
        // Absent normalize means false with a negative coefficient; an explicit true makes it null.
        #expect(FIRFilter.apply(value, filter: [1, -1])?.values == diff.values)
        #expect(FIRFilter.apply(value, filter: [1, -1], normalize: true) == nil)
    }

    @Test func firMarksOutputsThatTouchANull() throws {
        let r = try #require(FIRFilter.apply(series([1, nil, 3, 4, 5]), filter: [1, 1], normalize: false))
        expectClose(r, [1, nil, nil, 7, 9])
    }

    /// The page's cumulative sum: numerators [1], denominators [1, -1].
    @Test func iirCumulativeSum() throws {
        let x = NumericSeries(reals: (1...10).map(Double.init))
        let y = try IIRFilter.apply(x, numerators: [1], denominators: [1, -1])
        expectClose(y, [1, 3, 6, 10, 15, 21, 28, 36, 45, 55])
        let d = try IIRFilter.apply(series([0, 1, 2, 3, 4]), numerators: [1], denominators: [1, -1])
        #expect(d.values.last == 10)
    }

    @Test func iirRejectsZeroLeadingDenominator() {
        #expect(throws: SeriesAnalysisError.self) {
            try IIRFilter.apply(series([1, 2]), numerators: [1], denominators: [0, 1])
        }
    }

    @Test func iirPropagatesNulls() throws {
        let y = try IIRFilter.apply(series([1, nil, 1, 1]), numerators: [1], denominators: [1, -1])
        expectClose(y, [1, nil, nil, nil])
        // A pure FIR recursion (no feedback) only loses the outputs that read the null.
        let z = try IIRFilter.apply(series([1, nil, 1, 1]), numerators: [1, 1], denominators: [1])
        expectClose(z, [1, nil, nil, 2])
    }
}
