/// Order statistics on scratch buffers (reordered in place, never reallocated).
///
/// Selection (Hoare's quickselect with a median-of-three pivot) finds a rank in linear expected
/// time; the decomposition needs two ranks of a thousand residuals per series and medians of a few
/// points per phase, where a full sort would cost most of its time.
enum Quantiles {
    /// The median; the mean of the middle two for an even count; NaN when empty.
    static func median(_ values: inout [Double]) -> Double {
        let m = values.count
        guard m > 0 else { return .nan }
        return values.withUnsafeMutableBufferPointer { b in
            let upper = select(b, rank: m / 2)
            if m % 2 == 1 { return upper }
            // The lower middle is the largest of the part left of the upper middle.
            var lower = b[0]
            for i in 1..<(m / 2) where b[i] > lower { lower = b[i] }
            return (lower + upper) / 2
        }
    }

    /// Percentiles `p` (0…100) of `values`, each linearly interpolated between the closest ranks:
    /// position (m − 1)·p/100. NaN when empty.
    static func percentiles(_ values: inout [Double], _ p: Double, _ q: Double) -> (Double, Double) {
        let m = values.count
        guard m > 0 else { return (.nan, .nan) }
        return values.withUnsafeMutableBufferPointer { b in
            (interpolated(b, p), interpolated(b, q))
        }
    }

    private static func interpolated(_ b: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let m = b.count
        let position = Double(m - 1) * p / 100
        let low = Int(position.rounded(.down))
        let fraction = position - Double(low)
        let a = select(b, rank: low)
        guard fraction > 0, low + 1 < m else { return a }
        // After selecting rank `low`, the next rank is the smallest value to its right.
        var next = b[low + 1]
        for i in (low + 2)..<m where b[i] < next { next = b[i] }
        return a + (next - a) * fraction
    }

    /// Rearranges `b` so that `b[rank]` holds the value of that rank, smaller-or-equal values before
    /// it and greater-or-equal after, and returns it.
    static func select(_ b: UnsafeMutableBufferPointer<Double>, rank: Int) -> Double {
        var lo = 0, hi = b.count - 1
        while hi - lo > 16 {
            // Median of three as pivot, moved to lo.
            let mid = lo + (hi - lo) / 2
            if b[mid] < b[lo] { b.swapAt(mid, lo) }
            if b[hi] < b[lo] { b.swapAt(hi, lo) }
            if b[hi] < b[mid] { b.swapAt(hi, mid) }
            let pivot = b[mid]
            var i = lo, j = hi
            while i <= j {
                while b[i] < pivot { i += 1 }
                while b[j] > pivot { j -= 1 }
                if i <= j { b.swapAt(i, j); i += 1; j -= 1 }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return b[rank] }
        }
        // Insertion sort of the small remainder.
        if hi > lo {
            for i in (lo + 1)...hi {
                let v = b[i]
                var j = i - 1
                while j >= lo && b[j] > v { b[j + 1] = b[j]; j -= 1 }
                b[j + 1] = v
            }
        }
        return b[rank]
    }
}
