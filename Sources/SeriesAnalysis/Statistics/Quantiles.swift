/// Order statistics on scratch buffers (reordered in place, never reallocated).
enum Quantiles {
    /// The median; the mean of the middle two for an even count; NaN when empty.
    static func median(_ values: inout [Double]) -> Double {
        let m = values.count
        guard m > 0 else { return .nan }
        values.sort()
        return m % 2 == 1 ? values[m / 2] : (values[m / 2 - 1] + values[m / 2]) / 2
    }

    /// The percentile `p` (0…100) of already sorted values, linearly interpolated between the
    /// closest ranks: position (m − 1)·p/100.
    static func percentile(sorted values: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        let m = values.count
        guard m > 0 else { return .nan }
        let position = Double(m - 1) * p / 100
        let low = Int(position.rounded(.down))
        let high = min(low + 1, m - 1)
        let fraction = position - Double(low)
        return values[low] + (values[high] - values[low]) * fraction
    }
}
