import Testing
@testable import SeriesAnalysis

/// The FFT-computed autocorrelation against its definition.
@Suite struct AutocorrelationTests {
    @Test func matchesDirectSums() {
        var rng = SplitMix64(seed: 11)
        for n in [9, 60, 127, 500, 1000] {
            let values = (0..<n).map { _ in rng.unit() * 10 }
            let missing = (0..<n).map { _ in rng.unit() < 0.1 }
            for mask in [MissingMask.none, MissingMask(excluded: missing)] {
                let acf = Autocorrelation(values, missing: mask)
                let present = (0..<n).filter { !mask($0) }
                let mean = present.reduce(0.0) { $0 + values[$1] } / Double(present.count)
                let variance =
                    present.reduce(0.0) { $0 + (values[$1] - mean) * (values[$1] - mean) } / Double(present.count)
                for lag in [0, 1, 4, n / 3, n / 2] {
                    var total = 0.0, pairs = 0
                    for t in 0..<(n - lag) where !mask(t) && !mask(t + lag) {
                        total += (values[t] - mean) * (values[t + lag] - mean); pairs += 1
                    }
                    let want = total / Double(pairs) / variance
                    #expect(abs(acf.at(lag)! - want) < 1e-9, "n \(n) lag \(lag)")
                }
            }
        }
    }

    @Test func realSpectrumMatchesComplexTransform() {
        var rng = SplitMix64(seed: 12)
        for n in [4, 10, 64, 1000, 1001] {
            let x = (0..<n).map { _ in rng.unit() - 0.5 }
            var re = x, im = [Double](repeating: 0, count: n)
            FourierTransform.dft(&re, &im, inverse: false)
            let s = RealFourierTransform.spectrum(x)
            for k in 0...(n / 2) {
                #expect(abs(s.re[k] - re[k]) < 1e-9 && abs(s.im[k] - im[k]) < 1e-9, "n \(n) k \(k)")
            }
        }
    }

    /// A period survives missing points: the traffic series with every seventh point removed.
    @Test func periodsWithMissingPoints() throws {
        let traffic: [Int] = [
            80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72,
            152, 94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71,
            62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170,
        ]
        let holes = series(traffic.enumerated().map { $0.offset % 7 == 3 ? nil : $0.element })
        let r = try SeriesPeriods.detect(holes, minPeriod: 0, maxPeriod: 50, count: 1)
        #expect(r.periods == [14] && r.scores[0] > 0.6)
    }
}
