import Testing
import SeriesAnalysis

/// `series_fit_line`, `series_fit_2lines` and `series_fit_poly`.
@Suite struct FitTests {
    /// The page's example table (values shown to three decimals).
    @Test func lineFromThePage() {
        let fit = LineFit(series([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]))
        #expect(abs(fit.rsquare - 0.982) < 0.001)
        #expect(abs(fit.slope - 2.730) < 0.001)
        #expect(abs(fit.variance - 98.628) < 0.001)
        #expect(abs(fit.rvariance - 1.686) < 0.001)
        #expect(abs(fit.interception - -1.666) < 0.001)
        let shown = [1.064, 3.7945, 6.526, 9.256, 11.987, 14.718, 17.449, 20.180, 22.910, 25.641, 28.371, 31.102]
        for (a, b) in zip(fit.lineFit, shown) { #expect(abs(a - b) < 0.001) }
    }

    /// A series made of two exact lines with a jump, derived by hand: y = x on x = 1…4, then
    /// y = 15 − x on x = 5…9; the right part starts at index 4.
    @Test func twoLinesFindTheBreak() throws {
        let fit = try #require(TwoLineFit(series([1, 2, 3, 4, 10, 9, 8, 7, 6])))
        #expect(fit.splitIndex == 4)
        #expect(abs(fit.rsquare - 1) < 1e-12)
        #expect(abs(fit.left.slope - 1) < 1e-12 && abs(fit.left.interception) < 1e-12)
        #expect(abs(fit.right.slope - -1) < 1e-12 && abs(fit.right.interception - 15) < 1e-12)
        #expect(abs(fit.rvariance) < 1e-12 && abs(fit.left.rsquare - 1) < 1e-12)
        expectClose(fit.lineFit, [1, 2, 3, 4, 10, 9, 8, 7, 6])
        #expect(abs(fit.variance - LineFit(series([1, 2, 3, 4, 10, 9, 8, 7, 6])).variance) < 1e-12)
    }

    /// The page's example: a rise to 12 at index 5, then a decline; the split is there and two lines
    /// fit better than one.
    @Test func twoLinesOnThePageSeries() throws {
        let y = series([1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2])
        let fit = try #require(TwoLineFit(y))
        #expect(fit.splitIndex == 5)
        #expect(fit.left.slope > 0 && fit.right.slope < 0)
        #expect(fit.rsquare > LineFit(y).rsquare)
        #expect(TwoLineFit(series([1, 2, 3])) == nil)
    }

    /// The page's Example 2: degree 1 matches `series_fit_line`.
    @Test func polynomialOfDegreeOneIsTheLine() throws {
        let y = series([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30])
        let poly = try #require(try PolynomialFit(y: y))
        let line = LineFit(y)
        #expect(abs(poly.coefficients[0] - line.slope) < 1e-9 && abs(poly.coefficients[1] - line.interception) < 1e-9)
        #expect(abs(poly.rsquare - line.rsquare) < 1e-12 && abs(poly.rvariance - line.rvariance) < 1e-9)
        #expect(abs(poly.variance - line.variance) < 1e-9)
    }

    /// The page's Example 1 polynomial, y = x⁵ − 8x³ + 10x + 6, without its noise: the fit recovers it.
    @Test func polynomialOfDegreeFive() throws {
        var rng = SplitMix64(seed: 1)
        let xs = (0..<200).map { _ in rng.unit() * 5 - 2.3 }
        let ys = xs.map { x in x * x * x * x * x - 8 * x * x * x + 10 * x + 6 }
        let fit = try #require(try PolynomialFit(y: NumericSeries(reals: ys), x: NumericSeries(reals: xs), degree: 5))
        let expected = [1.0, 0, -8, 0, 10, 6]
        for (a, b) in zip(fit.coefficients, expected) { #expect(abs(a - b) < 1e-7) }
        #expect(abs(fit.rsquare - 1) < 1e-12)
    }

    @Test func polynomialArguments() throws {
        #expect(throws: SeriesAnalysisError.self) { try PolynomialFit(y: series([1, 2]), x: series([1]), degree: 1) }
        #expect(try PolynomialFit(y: series([1, 2]), degree: 2) == nil)
    }
}
