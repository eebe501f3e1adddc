import Testing
@testable import SeriesAnalysis

/// Selection against sorting, on random data with ties.
@Suite struct QuantilesTests {
    @Test func selectionMatchesSorting() {
        var rng = SplitMix64(seed: 9)
        for trial in 0..<200 {
            let m = 1 + trial * 3
            let values = (0..<m).map { _ in Double(rng.next() % 50) + (trial % 2 == 0 ? rng.unit() : 0) }
            let sorted = values.sorted()
            var scratch = values
            let median = Quantiles.median(&scratch)
            let expected = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2
            #expect(median == expected)
            for p in [2.0, 10, 25, 50, 75, 90, 98] {
                var copy = values
                let (a, _) = Quantiles.percentiles(&copy, p, 100 - p)
                let position = Double(m - 1) * p / 100
                let low = Int(position.rounded(.down))
                let want = sorted[low] + (sorted[min(low + 1, m - 1)] - sorted[low]) * (position - Double(low))
                #expect(abs(a - want) <= 1e-12 * max(1, abs(want)))
            }
        }
    }
}
