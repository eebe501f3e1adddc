import Columnar
import Testing

@Suite struct CheckedMathTests {
    @Test func arithmeticIsNilExactlyPastTheEdges() {
        #expect(CheckedMath.add(.max - 1, 1) == .max)
        #expect(CheckedMath.add(.max, 1) == nil)
        #expect(CheckedMath.subtract(.min + 1, 1) == .min)
        #expect(CheckedMath.subtract(.min, 1) == nil)
        #expect(CheckedMath.multiply(-(1 << 62), 2) == .min)
        #expect(CheckedMath.multiply(1 << 62, 2) == nil)
        #expect(CheckedMath.negate(.min) == nil)
        #expect(CheckedMath.negate(.max) == -.max)
    }

    @Test func realsConvertOnlyWhenTheyFit() {
        #expect(CheckedMath.truncated(-9.2233720368547758e18) == .min)  // -2^63 fits
        #expect(CheckedMath.truncated(9.2233720368547758e18) == nil)  // 2^63 does not
        #expect(CheckedMath.truncated(-2.9) == -2)
        #expect(CheckedMath.truncated(.nan) == nil)
        #expect(CheckedMath.truncated(-.infinity) == nil)
        #expect(CheckedMath.rounded(2.5) == 3)
        #expect(CheckedMath.rounded(-2.5) == -3)
        #expect(CheckedMath.rounded(1e300) == nil)
    }

    @Test func floorToAGridNeverFormsTheDifference() {
        #expect(CheckedMath.floor(7, step: 5) == 5)
        #expect(CheckedMath.floor(-7, step: 5) == -10)
        #expect(CheckedMath.floor(.max, step: 2, origin: -.max) == .max)  // on the grid: max - (-max) = 2^64 - 2
        #expect(CheckedMath.floor(5, step: .max, origin: -.max) == 0)
        #expect(CheckedMath.floor(.min, step: 3) == nil)  // the bin starts at min - 1
        #expect(CheckedMath.floor(.min + 1, step: 3) == nil)
        #expect(CheckedMath.floor(.min + 3, step: 3) == .min + 2)
        #expect(CheckedMath.floorMod(.min, .max) == .max - 1)
    }

    @Test func distancesCoverTheWholeRange() {
        #expect(CheckedMath.distance(from: .min, to: .max) == .max)
        #expect(CheckedMath.distance(from: -1, to: 1) == 2)
        #expect(CheckedMath.distance(from: 5, to: 5) == 0)
    }

    @Test func exactSumComesBackIntoRange() {
        var s = ExactSum()
        s.add(.max); s.add(.max)
        #expect(s.value == nil)
        s.add(-.max)
        #expect(s.value == .max)
        var t = ExactSum()
        t.add(.min); t.add(-1)
        #expect(t.value == nil)
        t.add(1)
        #expect(t.value == .min)
    }

    @Test func datetimeEdgesParse() {
        // The first representable instant lies within a day whose midnight does not fit.
        #expect(DateTimeFormat.parse("1677-09-21T00:12:43.145224192Z") == .min)
        #expect(DateTimeFormat.parse("1677-09-21T00:12:43.145224191Z") == nil)
        #expect(DateTimeFormat.parse("2262-04-11T23:47:16.854775807Z") == .max)
        #expect(DateTimeFormat.parse("2262-04-11T23:47:16.854775808Z") == nil)
        // A zone offset may bring a local time past the range back inside it.
        #expect(DateTimeFormat.parse("2262-04-12T01:00:00+02:00") == DateTimeFormat.parse("2262-04-11T23:00:00Z"))
        #expect(DateTimeFormat.parse("9999-12-31") == nil)
        #expect(DateTimeFormat.parse("8 Nov 9223372036854775807 15:05") == nil)
    }

    @Test func timespanTextPastTheRangeIsNil() {
        #expect(TimespanFormat.parse("106751.23:47:16.8547758") == 9_223_372_036_854_775_800)
        #expect(TimespanFormat.parse("106752.00:00:00") == nil)
        #expect(TimespanFormat.parse("9223372036854775807:00") == nil)
        #expect(TimespanFormat.parse("106751d") == 106_751 * DateTimeFormat.nanosPerDay)
        #expect(TimespanFormat.parse("1e300ms") == nil)
        #expect(TimespanFormat.parse("00:00:-5") == nil)
    }
}
