import Testing
import SeriesAnalysis

/// `series_periods_detect`, `series_periods_validate` and `series_seasonal`.
@Suite struct PeriodsTests {
    /// The pages' month of traffic in 12-hour bins.
    private let traffic = series([
        80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72, 152,
        94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71, 62, 62,
        65, 165, 109, 181, 115, 182, 121, 178, 114, 170,
    ])

    /// Output `[14, 0]`, `[0.84, 0]` ("the value … is truncated").
    @Test func detectFromThePage() throws {
        let r = try SeriesPeriods.detect(traffic, minPeriod: 0, maxPeriod: 50, count: 2)
        #expect(r.periods == [14, 0])
        #expect(r.scores[0] >= 0.84 && r.scores[0] < 0.85)
        #expect(r.scores[1] == 0)
    }

    /// Output `[14.0, 10.0]`, `[0.84, 0.0]`.
    @Test func validateFromThePage() throws {
        let scores = try SeriesPeriods.validate(traffic, periods: [14, 10])
        #expect(scores[0] >= 0.84 && scores[0] < 0.85)
        #expect(scores[1] == 0)
        #expect(try SeriesPeriods.validate(traffic, periods: [3, 31]) == [0, 0])
        #expect(throws: SeriesAnalysisError.self) { try SeriesPeriods.validate(traffic, periods: []) }
    }

    /// The page's auto-detection examples: periods 6 and 5 found, the 12-point series too short.
    @Test func seasonalDetected() {
        let first = SeasonalComponent.compute(
            series([2, 5, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1]))
        #expect(first.values == [1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1])
        let second = SeasonalComponent.compute(
            series([8, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10]))
        #expect(second.values == [10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10])
        let third = SeasonalComponent.compute(series([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6]))
        #expect(third.values == [Double](repeating: 0, count: 12))
    }

    /// The page's forced period of 3: medians per phase, the mean of the middle two when even.
    @Test func seasonalForced() {
        #expect(
            SeasonalComponent.compute(series([1, 3, 5, 1, 3, 5, 2, 4, 6]), period: 3).values == [
                1, 3, 5, 1, 3, 5, 1, 3, 5,
            ])
        #expect(
            SeasonalComponent.compute(series([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6]), period: 3).values
                == [1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5])
        #expect(SeasonalComponent.compute(series([1, 2, 3]), period: 0).values == [0, 0, 0])
        // A period longer than the series: every point is its own phase.
        #expect(SeasonalComponent.compute(series([1, 2, 3]), period: Int(Int32.max)).values == [1, 2, 3])
    }

    /// Bad arguments are coded errors, not crashes or huge allocations.
    @Test func detectArguments() throws {
        #expect(throws: SeriesAnalysisError.self) {
            try SeriesPeriods.detect(traffic, minPeriod: 0, maxPeriod: 50, count: Int.max)
        }
        #expect(throws: SeriesAnalysisError.self) {
            try SeriesPeriods.detect(traffic, minPeriod: .nan, maxPeriod: 50, count: 1)
        }
        #expect(try SeriesPeriods.detect(series([1, 2, 3]), minPeriod: 0, maxPeriod: 50, count: 2).periods == [0, 0])
        #expect(try SeriesPeriods.detect(traffic, minPeriod: 1e300, maxPeriod: -5, count: 1).periods == [0])
    }
}
