import Foundation
import Testing
import SeriesAnalysis

/// `series_fft` and `series_ifft`, against transforms worked out by hand from the definition.
@Suite struct FourierTests {
    @Test func powerOfTwo() throws {
        let r = try #require(try FourierTransform.forward(real: series([1, 2, 3, 4])))
        expectClose(r.real, [10, -2, -2, -2], tolerance: 1e-12)
        expectClose(r.imaginary, [0, 2, 0, -2], tolerance: 1e-12)
    }

    /// Length 3 goes through Bluestein: X₁ = 1 + 2·e^(−2πi/3) + 3·e^(−4πi/3) = −1.5 + i·√3/2.
    @Test func otherLength() throws {
        let r = try #require(try FourierTransform.forward(real: series([1, 2, 3])))
        expectClose(r.real, [6, -1.5, -1.5], tolerance: 1e-12)
        expectClose(r.imaginary, [0, 3.squareRoot() / 2, -3.squareRoot() / 2], tolerance: 1e-12)
    }

    /// The page's signal: sin of period 8 (real) and 32 (imaginary) over 128 points. A sine of k
    /// cycles puts ∓i·n/2 at bins k and n − k; ifft(fft(x)) gives x back.
    @Test func pageSignalRoundTrip() throws {
        let n = 128
        let re = (0..<n).map { sin(2 * Double.pi / 8 * Double($0)) }
        let im = (0..<n).map { sin(2 * Double.pi / 32 * Double($0)) }
        let f = try #require(
            try FourierTransform.forward(real: NumericSeries(reals: re), imaginary: NumericSeries(reals: im)))
        // x = sin(a) + i·sin(b): bin 16 (period 8) gets −i·64 from the real part, bin 4 gets i·(−i·64)·… = 64.
        #expect(abs(f.imaginary[16] - -64) < 1e-9 && abs(f.imaginary[112] - 64) < 1e-9)
        #expect(abs(f.real[4] - 64) < 1e-9 && abs(f.real[124] - -64) < 1e-9)
        let back = try #require(
            try FourierTransform.inverse(
                real: NumericSeries(reals: f.real), imaginary: NumericSeries(reals: f.imaginary)))
        expectClose(back.real, re, tolerance: 1e-12)
        expectClose(back.imaginary, im, tolerance: 1e-12)
        // A length that is not a power of two round-trips too.
        let odd = (0..<100).map { Double($0 % 7) - 3 }
        let g = try #require(try FourierTransform.forward(real: NumericSeries(reals: odd)))
        let h = try #require(
            try FourierTransform.inverse(
                real: NumericSeries(reals: g.real), imaginary: NumericSeries(reals: g.imaginary)))
        expectClose(h.real, odd, tolerance: 1e-10)
    }

    @Test func missingAndMismatch() throws {
        #expect(try FourierTransform.forward(real: series([1, nil])) == nil)
        #expect(throws: SeriesAnalysisError.self) {
            try FourierTransform.forward(real: series([1, 2]), imaginary: series([1]))
        }
    }
}
