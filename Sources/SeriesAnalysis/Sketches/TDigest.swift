import Foundation

/// The sketch behind `percentile()`, `percentiles()`, `percentilesw()`, `tdigest()`,
/// `tdigest_merge()`, `percentile_tdigest()`, `rank_tdigest()` and `percentrank_tdigest()`.
///
/// ADX's pages define the answers as nearest-rank percentiles: the P-th percentile is the smallest
/// value such that P % of the (weighted) population is less or equal to it, the 0th is the minimum
/// and the 100th the maximum (`tdigest` of 1 ×1 and 2 ×2 has P50 = 2; the `percentilesw` example's
/// buckets give 20, 20, 40). A digest therefore keeps every distinct value with its weight — and
/// answers exactly — up to `exactCapacity` distinct values; the `tdigest` page's results show ADX
/// doing the same, listing values and their counts. Past that it becomes a merging t-digest
/// (Dunning, "Computing extremely accurate quantiles using t-digests", 2019) with the arcsine scale
/// function k₁ and compression δ = 200: a centroid spans at most π/δ ≈ 1.6 % of the ranks (less
/// towards the tails), and estimates interpolate between centroid centres, so the rank error stays
/// under the 1 % the `percentiles` page promises at the median (checked statistically in the tests).
/// The minimum and maximum stay exact.
public struct TDigest: Sendable, Hashable {
    /// The number of distinct values kept exactly.
    public static let exactCapacity = 1000
    /// The compression δ of the estimating digest.
    public static let compression = 200.0

    /// Centroid means (distinct values while exact), ascending.
    private var means: [Double] = []
    /// Centroid weights.
    private var weights: [Int64] = []
    /// Points added since the last compaction.
    private var pendingValues: [Double] = []
    private var pendingWeights: [Int64] = []
    /// True while every centroid is one distinct value.
    public private(set) var isExact = true
    /// The sum of the weights added.
    public private(set) var totalWeight: Int64 = 0
    /// The smallest value added.
    public private(set) var minimum = Double.infinity
    /// The largest value added.
    public private(set) var maximum = -Double.infinity

    /// How many points wait before a compaction.
    private static let pendingCapacity = 1000

    /// An empty digest.
    public init() {}

    /// A digest from validated, ascending centroids.
    init(means: [Double], weights: [Int64], exact: Bool, total: Int64, minimum: Double, maximum: Double) {
        self.means = means
        self.weights = weights
        self.isExact = exact
        self.totalWeight = total
        self.minimum = minimum
        self.maximum = maximum
        normalise()
    }

    /// Adds `value` with `weight` (a repeat count; non-positive weights and NaN add nothing).
    public mutating func add(_ value: Double, weight: Int64 = 1) {
        guard weight > 0, !value.isNaN else { return }
        pendingValues.append(value)
        pendingWeights.append(weight)
        totalWeight = TDigest.saturatingSum(totalWeight, weight)
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
        if pendingValues.count >= TDigest.pendingCapacity { compact() }
    }

    /// Adds everything `other` holds.
    public mutating func merge(_ other: TDigest) {
        let o = other.settled
        guard !o.means.isEmpty else { return }
        compact()
        let combined = TDigest.mergeSorted(means, weights, o.means, o.weights)
        means = combined.means
        weights = combined.weights
        totalWeight = TDigest.saturatingSum(totalWeight, other.totalWeight)
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        isExact = isExact && other.isExact
        normalise()
    }

    /// Folds the pending points into the centroids.
    public mutating func compact() {
        guard !pendingValues.isEmpty else { return }
        let s = settled
        means = s.means
        weights = s.weights
        isExact = s.exact
        pendingValues.removeAll(keepingCapacity: true)
        pendingWeights.removeAll(keepingCapacity: true)
    }

    /// The centroids with the pending points folded in, without changing the digest.
    var settled: (means: [Double], weights: [Int64], exact: Bool) {
        if pendingValues.isEmpty { return (means, weights, isExact) }
        let order = pendingValues.indices.sorted { pendingValues[$0] < pendingValues[$1] }
        let sortedValues = order.map { pendingValues[$0] }
        let sortedWeights = order.map { pendingWeights[$0] }
        var copy = self
        let combined = TDigest.mergeSorted(means, weights, sortedValues, sortedWeights)
        copy.means = combined.means
        copy.weights = combined.weights
        copy.normalise()
        return (copy.means, copy.weights, copy.isExact)
    }

    /// After a merge of sorted lists: equal values fused while exact, compression once too many.
    private mutating func normalise() {
        if isExact {
            var m: [Double] = [], w: [Int64] = []
            m.reserveCapacity(means.count); w.reserveCapacity(means.count)
            for i in 0..<means.count {
                if let last = m.last, last == means[i] {
                    w[w.count - 1] = TDigest.saturatingSum(w[w.count - 1], weights[i])
                } else {
                    m.append(means[i]); w.append(weights[i])
                }
            }
            means = m; weights = w
            if means.count <= TDigest.exactCapacity { return }
            isExact = false
        }
        compress()
    }

    /// One merging pass: neighbours fuse while the centroid spans at most one unit of k₁.
    private mutating func compress() {
        let total = weights.reduce(0.0) { $0 + Double($1) }
        guard means.count > 1, total > 0 else { return }
        var outMeans: [Double] = [], outWeights: [Int64] = []
        var currentMean = means[0], currentWeight = weights[0]
        var doneWeight = 0.0
        var limit = total * TDigest.kInverse(TDigest.k(0) + 1)
        for i in 1..<means.count {
            let w = weights[i]
            if doneWeight + Double(currentWeight) + Double(w) <= limit {
                let fused = TDigest.saturatingSum(currentWeight, w)
                currentMean += (means[i] - currentMean) * Double(w) / Double(fused)
                currentWeight = fused
            } else {
                outMeans.append(currentMean); outWeights.append(currentWeight)
                doneWeight += Double(currentWeight)
                limit = total * TDigest.kInverse(TDigest.k(doneWeight / total) + 1)
                currentMean = means[i]; currentWeight = w
            }
        }
        outMeans.append(currentMean); outWeights.append(currentWeight)
        means = outMeans; weights = outWeights
    }

    /// a + b, held at Int64.max instead of overflowing (weights are user data: `percentilesw`).
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// k₁(q) = δ/(2π)·asin(2q − 1).
    private static func k(_ q: Double) -> Double {
        compression / (2 * Double.pi) * asin(Swift.min(1, Swift.max(-1, 2 * q - 1)))
    }

    /// The q at which k₁ reaches `k`.
    private static func kInverse(_ k: Double) -> Double {
        let bounded = Swift.min(compression / 4, Swift.max(-compression / 4, k))
        return (sin(bounded * 2 * Double.pi / compression) + 1) / 2
    }

    /// Two ascending centroid lists merged into one.
    private static func mergeSorted(_ am: [Double], _ aw: [Int64], _ bm: [Double], _ bw: [Int64]) -> (
        means: [Double], weights: [Int64]
    ) {
        var m: [Double] = [], w: [Int64] = []
        m.reserveCapacity(am.count + bm.count); w.reserveCapacity(am.count + bm.count)
        var i = 0, j = 0
        while i < am.count || j < bm.count {
            if j >= bm.count || (i < am.count && am[i] <= bm[j]) {
                m.append(am[i]); w.append(aw[i]); i += 1
            } else {
                m.append(bm[j]); w.append(bw[j]); j += 1
            }
        }
        return (m, w)
    }
}
