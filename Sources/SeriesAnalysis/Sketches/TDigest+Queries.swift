/// Percentiles and ranks of a digest.
extension TDigest {
    /// The nearest-rank `percentile` (0…100) of the values; nil for an empty digest.
    ///
    /// Exact digests return the smallest value whose cumulative weight reaches ⌈P·W/100⌉ (at least
    /// the first); estimating ones interpolate between centroid centres, with the exact minimum and
    /// maximum at the ends, and return a centroid's value when the rank falls on a single point.
    public func percentile(_ percentile: Double) -> Double? {
        guard totalWeight > 0, !percentile.isNaN else { return nil }
        if percentile <= 0 { return minimum }
        if percentile >= 100 { return maximum }
        let s = settled
        let total = Double(totalWeight)
        if s.exact {
            let rank = Swift.max(1, (percentile * total / 100).rounded(.up))
            var cumulative = 0.0
            for i in 0..<s.means.count {
                cumulative += Double(s.weights[i])
                if cumulative >= rank { return s.means[i] }
            }
            return maximum
        }
        return TDigest.interpolatedValue(
            at: percentile * total / 100, s.means, s.weights,
            minimum: minimum, maximum: maximum)
    }

    /// The number of values less than or equal to `value` (`rank_tdigest`); nil for an empty digest.
    public func rank(of value: Double) -> Double? {
        guard totalWeight > 0, !value.isNaN else { return nil }
        let s = settled
        if value < minimum { return 0 }
        if value >= maximum { return Double(totalWeight) }
        if s.exact {
            var cumulative: Int64 = 0
            for i in 0..<s.means.count where s.means[i] <= value {
                cumulative = TDigest.saturatingSum(cumulative, s.weights[i])
            }
            return Double(cumulative)
        }
        return TDigest.interpolatedRank(of: value, s.means, s.weights, minimum: minimum, maximum: maximum)
    }

    /// `rank(of:)` as a percentage of the total weight (`percentrank_tdigest`).
    public func percentRank(of value: Double) -> Double? {
        rank(of: value).map { $0 * 100 / Double(totalWeight) }
    }

    /// The value at cumulative weight `target` of an estimating digest. Centroid i's centre sits at
    /// the weight before it plus half its own; a weight-1 centroid is a point that owns half a unit on
    /// each side.
    static func interpolatedValue(
        at target: Double, _ means: [Double], _ weights: [Int64],
        minimum: Double, maximum: Double
    ) -> Double {
        let n = means.count
        let total = weights.reduce(0.0) { $0 + Double($1) }
        let firstCentre = Double(weights[0]) / 2
        if target <= firstCentre {
            if weights[0] == 1 { return means[0] }
            return minimum + (means[0] - minimum) * target / firstCentre
        }
        var centre = firstCentre
        for i in 0..<(n - 1) {
            let step = (Double(weights[i]) + Double(weights[i + 1])) / 2
            if centre + step >= target {
                if weights[i] == 1, target - centre < 0.5 { return means[i] }
                if weights[i + 1] == 1, centre + step - target <= 0.5 { return means[i + 1] }
                return means[i] + (means[i + 1] - means[i]) * (target - centre) / step
            }
            centre += step
        }
        let lastHalf = total - centre
        if weights[n - 1] == 1 || lastHalf <= 0 { return means[n - 1] }
        return means[n - 1] + (maximum - means[n - 1]) * Swift.min(1, (target - centre) / lastHalf)
    }

    /// The cumulative weight at `value` of an estimating digest, the inverse of `interpolatedValue`.
    static func interpolatedRank(
        of value: Double, _ means: [Double], _ weights: [Int64],
        minimum: Double, maximum: Double
    ) -> Double {
        let n = means.count
        let total = weights.reduce(0.0) { $0 + Double($1) }
        let firstCentre = Double(weights[0]) / 2
        if value < means[0] {
            return means[0] > minimum ? firstCentre * (value - minimum) / (means[0] - minimum) : 0
        }
        var centre = firstCentre
        for i in 0..<(n - 1) {
            let step = (Double(weights[i]) + Double(weights[i + 1])) / 2
            if value < means[i + 1] {
                if means[i + 1] == means[i] { return centre }
                return centre + step * (value - means[i]) / (means[i + 1] - means[i])
            }
            centre += step
        }
        let lastHalf = total - centre
        if maximum > means[n - 1] {
            return centre + lastHalf * Swift.min(1, (value - means[n - 1]) / (maximum - means[n - 1]))
        }
        return total
    }
}
