import Testing
@testable import SeriesAnalysis

/// The numeric view of a dynamic array.
@Suite struct NumericSeriesTests {
    @Test func keepsKindsAndMissingCount() {
        let s = series([1, 2.5, nil, "text"])
        #expect(s.kinds == [.long, .real, .missing, .missing])
        #expect(s.missingCount == 2)
        #expect(s[0] == .long(1) && s[1] == .real(2.5) && s[2] == .missing)
        #expect(!s.isIntegral)
        #expect(series([1, nil, 3]).isIntegral)
        #expect(series([nil]).isAllMissing)
    }

    @Test func longsBeyondDoublePrecisionStayExact() {
        let big: Int64 = (1 << 60) + 1
        let s = NumericSeries([.long(big), .long(1)])
        #expect(s[0] == .long(big))
        let sum = try! ArithmeticOperator.add.apply(.series(s), .scalar(.long(1)))
        #expect(sum[0] == .long(big + 1))
    }
}
