import Foundation

/// A number, time or duration axis: its domain, the pixels it spans, and its ticks.
struct ContinuousAxis {
    let values: AxisValues
    let log: Bool
    private(set) var lo = 0.0
    private(set) var hi = 1.0
    /// Pixel positions of `lo` and `hi` (for a vertical axis, `start` is the bottom).
    let start: Double, end: Double
    private(set) var ticks: [Tick] = []

    /// An axis over the data range [dataLo, dataHi].
    /// - Parameters:
    ///   - nice: widen the domain to whole ticks (value axes); time axes keep the data's range.
    ///   - includeZero: bars and areas grow from zero, so zero is in the domain.
    ///   - fixedMin/fixedMax: `ymin`/`ymax`.
    ///   - horizontal: labels side by side (their widths limit the tick count) rather than stacked.
    init(
        values: AxisValues, log: Bool, dataLo: Double?, dataHi: Double?, start: Double, end: Double,
        horizontal: Bool, nice: Bool, includeZero: Bool = false, fixedMin: Double? = nil, fixedMax: Double? = nil
    ) {
        self.values = values
        self.log = log && values == .number
        self.start = start; self.end = end
        var lo = dataLo ?? (self.log ? 1 : 0), hi = dataHi ?? (self.log ? 10 : 1)
        if self.log {
            lo = max(lo, Double.leastNormalMagnitude); hi = max(hi, lo)
        } else if includeZero {
            lo = min(lo, 0); hi = max(hi, 0)
        }
        if let fixedMin, !(self.log && fixedMin <= 0) { lo = fixedMin }
        if let fixedMax, !(self.log && fixedMax <= 0) { hi = fixedMax }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            switch values {
            case .datetime, .timespan: lo -= 1.8e12; hi += 1.8e12  // half an hour either side
            default:
                if self.log { lo /= 10; hi *= 10 } else { let d = lo == 0 ? 1 : lo.magnitude / 10; lo -= d; hi += d }
            }
        }
        let length = abs(end - start)
        // Stacked labels need a line each; a log axis's decades are worth the denser spacing.
        var count = max(2, Int(length / (horizontal ? 90 : self.log ? 30 : 45)))
        for _ in 0..<12 {
            self.lo = lo; self.hi = hi
            layout(count: count, nice: nice && fixedMin == nil && fixedMax == nil)
            guard horizontal, ticks.count > 1 else { break }
            // Labels side by side must not touch: fewer ticks until the widest fits its spacing.
            let spacing = length / Double(max(1, ticks.count - 1)) * 0.98
            let widest = ticks.map { TextMetrics.width($0.label, size: 11) }.max() ?? 0
            if widest + 10 <= spacing || count <= 2 { break }
            count = max(2, min(count - 1, Int(Double(count) * spacing / (widest + 10))))
        }
    }

    private mutating func layout(count: Int, nice: Bool) {
        switch values {
        case .datetime:
            ticks = TimeTicks.ticks(lo: lo, hi: hi, interval: TimeTicks.interval(lo: lo, hi: hi, count: count))
        case .timespan:
            ticks = DurationTicks.ticks(lo: lo, hi: hi, count: count)
        case .number, .category:
            if log {
                if nice { (lo, hi) = LogTicks.nice(lo: lo, hi: hi) }
                ticks = LogTicks.ticks(lo: lo, hi: hi, count: count)
            } else {
                let step: Double
                if nice {
                    let n = NumberTicks.nice(lo: lo, hi: hi, count: count)
                    lo = n.lo; hi = n.hi; step = n.step
                } else {
                    step = NumberTicks.step(span: hi - lo, count: count)
                }
                ticks = NumberTicks.ticks(lo: lo, hi: hi, step: step)
            }
        }
    }

    /// The pixel position of `v`, or nil where the axis cannot show it (zero or less on a log axis).
    func position(_ v: Double) -> Double? {
        let t: Double
        if log {
            guard v > 0 else { return nil }
            t = (Foundation.log10(v) - Foundation.log10(lo)) / (Foundation.log10(hi) - Foundation.log10(lo))
        } else {
            t = (v - lo) / (hi - lo)
        }
        // Far outside the axis (past ymin/ymax) a point is held a little beyond the plot, where the
        // clip hides it: pixel coordinates stay small numbers.
        let length = end - start
        return start + min(max(t, -2), 3) * length
    }

    /// The position of `v` clamped to the axis (bars and areas that run past `ymin`/`ymax`).
    func clamped(_ v: Double) -> Double? {
        guard let p = position(v) else { return nil }
        return min(max(p, min(start, end)), max(start, end))
    }

    /// Where bars and areas grow from: zero, or the end of the axis nearest to it.
    var baseline: Double {
        if log { return start }
        return clamped(0) ?? start
    }
}
