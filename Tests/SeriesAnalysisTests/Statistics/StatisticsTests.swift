import Testing
import SeriesAnalysis

/// `series_stats`, `series_stats_dynamic` and the reductions.
@Suite struct StatisticsTests {
    @Test func statsFromThePages() {
        let s = SeriesStatistics(series([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]))
        #expect(s.min == 2 && s.minIndex == 8 && s.max == 87 && s.maxIndex == 3)
        #expect(abs(s.avg! - 32.8) < 1e-12)
        #expect(abs(s.stdev! - 28.503633853548269) < 1e-12)
        #expect(abs(s.variance! - 812.45714285714291) < 1e-9)
        #expect(s.sum == 492 && s.count == 15)
    }

    @Test func nonFiniteValues() {
        let s = series([1, nil, 3, Double.infinity])
        #expect(SeriesStatistics(s).avg == nil && SeriesStatistics(s).count == nil)
        let ignored = SeriesStatistics(s, ignoreNonFinite: true)
        #expect(ignored.avg == 2 && ignored.count == 2 && ignored.maxIndex == 2)
    }

    @Test func sumProductMagnitude() {
        let arr = series([1, 2, 3, 4])
        #expect(SeriesReductions.sum(arr) == 10)
        #expect(SeriesReductions.product(arr) == 24)
        #expect(SeriesReductions.magnitude(arr) == 5.4772255750516612)
        #expect(SeriesReductions.sum(series([])) == nil)
    }

    @Test func dotProductFromThePage() throws {
        let s1 = [series([1, 2, 4]), series([2, 4, 8]), series([3, 6, 12])]
        let s2 = [series([4, 2, 1]), series([8, 4, 2]), series([12, 6, 3])]
        #expect(try (0..<3).map { try SeriesReductions.dotProduct(.series(s1[$0]), .series(s2[$0])) } == [12, 48, 108])
        #expect(
            try (0..<3).map { try SeriesReductions.dotProduct(.series(s1[$0]), .scalar(.long(Int64($0 + 1)))) } == [
                7, 28, 63,
            ])
        // Truncated to the shorter series; non-numeric elements ignored; empty is null.
        #expect(try SeriesReductions.dotProduct(.series(series([1, "x", 3, 9])), .series(series([1, 1, 1]))) == 4)
        #expect(try SeriesReductions.dotProduct(.series(series([])), .series(series([1]))) == nil)
    }

    @Test func cosineSimilarityFromThePage() {
        let a = series([0.1, 0.2, 0.1, 0.2])
        #expect(abs(SeriesReductions.cosineSimilarity(a, series([0.11, 0.2, 0.11, 0.21]))! - 0.99935343825504) < 1e-13)
        #expect(abs(SeriesReductions.cosineSimilarity(a, series([1, 2, 3, 4]))! - 0.923760430703401) < 1e-13)
    }

    @Test func pearsonFromThePage() {
        #expect(SeriesReductions.pearsonCorrelation(series([1, 2, 3, 4, 5]), series([2, 4, 6, 8, 10])) == 1)
        #expect(SeriesReductions.pearsonCorrelation(series([1, 2, 3]), series([1, 2])) == nil)
        #expect(SeriesReductions.pearsonCorrelation(series([1, nil, 3]), series([1, 2, 3])) == nil)
    }
}
