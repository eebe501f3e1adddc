import Foundation
import Testing
import SeriesAnalysis

/// The t-digest behind `percentile(s)`, `tdigest` and friends.
@Suite struct TDigestTests {
    /// The `tdigest` page: values 1 (weight 1) and 2 (weight 2) have P50 = 2.
    @Test func weightedFromTheTDigestPage() {
        var d = TDigest()
        d.add(1.0, weight: 1)
        d.add(2.0, weight: 2)
        #expect(d.percentile(50) == 2)
    }

    /// The `percentilesw` page: buckets 10 ×8, 20 ×6, 30 ×3, 40 ×1 give 20, 20, 40 for 50, 75, 99.9.
    @Test func weightedPercentilesFromThePercentileswPage() {
        var d = TDigest()
        for (w, v) in [(8, 10.0), (6, 20.0), (3, 30.0), (1, 40.0)] { d.add(v, weight: Int64(w)) }
        #expect([50, 75, 99.9].map { d.percentile($0) } == [20, 20, 40])
        #expect(d.percentile(0) == 10 && d.percentile(100) == 40)
    }

    /// The `rank_tdigest` page: in 1…1000 the rank of 685 is 685.
    @Test func rankFromThePage() {
        var d = TDigest()
        for x in 1...1000 { d.add(Double(x)) }
        #expect(d.rank(of: 685) == 685)
        #expect(d.percentRank(of: 685) == 68.5)
        #expect(d.percentile(68.5) == 685)
    }

    /// Weights near Int64.max saturate instead of trapping.
    @Test func hugeWeights() {
        var d = TDigest()
        d.add(1, weight: .max)
        d.add(2, weight: .max)
        #expect(d.totalWeight == .max)
        #expect(d.percentile(50) == 1 && d.percentile(100) == 2)
    }

    @Test func mergeAndEncoding() throws {
        var a = TDigest(), b = TDigest()
        for x in 1...10 { a.add(Double(x)) }
        for x in 11...20 { b.add(Double(x)) }
        a.merge(b)
        #expect(a.percentile(50) == 10 && a.totalWeight == 20)
        #expect(try TDigest(decoding: a.encoded).percentile(50) == 10)
        // ADX's own layout (values in any order, with counts) reads back.
        let adx = try TDigest(decoding: .init(means: [800, 250, 5000], weights: [5, 1, 72]))
        #expect(adx.percentile(50) == 5000 && adx.percentile(1) == 250 && adx.rank(of: 800) == 6)
        #expect(throws: SeriesAnalysisError.self) { try TDigest(decoding: .init(means: [1], weights: [0])) }
        #expect(throws: SeriesAnalysisError.self) { try TDigest(decoding: .init(means: [1, 2], weights: [1])) }
        #expect(TDigest().percentile(50) == nil)
    }

    /// The `percentiles` page's bound: "capped at 1%" of the rank at the median, better at the ends.
    /// For random data past the exact capacity, the true rank of every estimate must lie within 1 %
    /// of the population (and 0 and 100 are exactly the extremes) — also after merging partitions.
    @Test(arguments: ["uniform", "normal", "exponential", "lognormal", "discrete"])
    func rankErrorBound(distribution: String) {
        var rng = SplitMix64(seed: UInt64(distribution.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        for trial in 0..<3 {
            let n = 20_000 + trial * 7_000
            let values = (0..<n).map { _ in Self.draw(distribution, &rng) }
            var whole = TDigest()
            var parts = [TDigest](repeating: TDigest(), count: 4)
            for (i, v) in values.enumerated() { whole.add(v); parts[i % 4].add(v) }
            var merged = parts[0]
            for p in parts.dropFirst() { merged.merge(p) }
            let sorted = values.sorted()
            for digest in [whole, merged] {
                #expect(digest.percentile(0) == sorted.first && digest.percentile(100) == sorted.last)
                for p in [0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9] {
                    let estimate = digest.percentile(p)!
                    // The estimate's rank range in the data: [count below, count at or below].
                    let below = Double(Self.count(sorted, lessThan: estimate)),
                        atOrBelow = Double(Self.count(sorted, atMost: estimate))
                    let target = p / 100 * Double(n)
                    let miss = target < below ? below - target : (target > atOrBelow ? target - atOrBelow : 0)
                    #expect(miss / Double(n) <= 0.01, "\(distribution) p\(p): rank off by \(miss / Double(n) * 100) %")
                }
            }
        }
    }

    static func draw(_ distribution: String, _ rng: inout SplitMix64) -> Double {
        let u = max(rng.unit(), 1e-300)
        switch distribution {
        case "normal": return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * rng.unit())
        case "exponential": return -log(u)
        case "lognormal": return exp(3 * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * rng.unit()))
        case "discrete": return Double(Int(u * 5000))
        default: return u
        }
    }

    static func count(_ sorted: [Double], lessThan v: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] < v { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    static func count(_ sorted: [Double], atMost v: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] <= v { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
