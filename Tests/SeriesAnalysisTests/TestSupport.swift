import SeriesAnalysis
import Testing

/// A small deterministic generator (SplitMix64), so statistical tests see the same inputs every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1), like KQL's rand().
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A series from KQL-like literals: Int → long, Double → real, nil → null, String → non-numeric (missing).
func series(_ items: [Any?]) -> NumericSeries {
    NumericSeries(
        items.map { item -> NumericSeries.Element in
            switch item {
            case let v as Int: .long(Int64(v))
            case let v as Double: .real(v)
            default: .missing
            }
        })
}

/// Reals compared to a tolerance; nil matches only a missing element.
func expectClose(
    _ actual: NumericSeries, _ expected: [Double?], tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (i, e) in expected.enumerated() where i < actual.count {
        if let e {
            let v = actual.values[i]
            #expect(
                !actual.isMissing(i) && abs(v - e) <= tolerance * max(1, abs(e)),
                "element \(i): \(v) vs \(e)", sourceLocation: sourceLocation)
        } else {
            #expect(actual.isMissing(i), "element \(i) should be null", sourceLocation: sourceLocation)
        }
    }
}

func expectClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(
        NumericSeries(reals: actual), expected.map { Optional($0) }, tolerance: tolerance,
        sourceLocation: sourceLocation)
}
