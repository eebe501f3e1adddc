/// The `tdigest()` value a `dynamic` holds.
///
/// ADX's examples show `[[type], [values…], [weights…]]`: a type code, then the values (centroid
/// means) and their weights in matching positions. An exact digest encodes that way; an estimating
/// one adds a fourth part `[minimum, maximum]`, which ADX's values do not have and which marks it as
/// estimating. A three-part value (ADX's) reads back as exact when its values are distinct and at
/// most `exactCapacity`, otherwise as estimating with its first and last values as the extremes.
extension TDigest {
    /// The parts of a serialised digest (the wrapper adds the type code).
    public struct Encoded: Sendable, Hashable {
        /// The values (centroid means).
        public var means: [Double]
        /// Each value's weight.
        public var weights: [Int64]
        /// The exact extremes of an estimating digest; nil for an exact one.
        public var bounds: [Double]?

        /// The parts as read from a dynamic value.
        public init(means: [Double], weights: [Int64], bounds: [Double]? = nil) {
            self.means = means; self.weights = weights; self.bounds = bounds
        }
    }

    /// The digest's parts.
    public var encoded: Encoded {
        let s = settled
        return Encoded(means: s.means, weights: s.weights, bounds: s.exact ? nil : [minimum, maximum])
    }

    /// A digest read back from its parts; a value that is not one is `E_SKETCH_FORMAT`.
    public init(decoding value: Encoded) throws(SeriesAnalysisError) {
        guard value.means.count == value.weights.count else {
            throw .sketchFormat("tdigest", "it has \(value.means.count) values but \(value.weights.count) weights")
        }
        guard value.means.allSatisfy({ !$0.isNaN }) else { throw .sketchFormat("tdigest", "a value is NaN") }
        guard value.weights.allSatisfy({ $0 > 0 }) else { throw .sketchFormat("tdigest", "a weight is not positive") }
        var total: Int64 = 0
        for w in value.weights {
            let (sum, overflow) = total.addingReportingOverflow(w)
            guard !overflow else { throw .sketchFormat("tdigest", "its weights add up past 2^63") }
            total = sum
        }
        self.init()
        guard !value.means.isEmpty else { return }
        let order = value.means.indices.sorted { value.means[$0] < value.means[$1] }
        let means = order.map { value.means[$0] }
        let weights = order.map { value.weights[$0] }
        var bounds = (means[0], means[means.count - 1])
        var exact = value.bounds == nil
        if let b = value.bounds {
            guard b.count == 2, b[0] <= means[0], b[1] >= means[means.count - 1] else {
                throw .sketchFormat("tdigest", "its bounds do not enclose its values")
            }
            bounds = (b[0], b[1])
        } else if means.count > TDigest.exactCapacity || zip(means, means.dropFirst()).contains(where: { $0 == $1 }) {
            exact = false
        }
        self.init(means: means, weights: weights, exact: exact, total: total, minimum: bounds.0, maximum: bounds.1)
    }
}
