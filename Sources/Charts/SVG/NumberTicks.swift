import Foundation

/// A tick: where, and what it says.
struct Tick: Equatable {
    var value: Double
    var label: String
}

/// Ticks of a linear number axis at "nice" steps (1, 2 or 5 times a power of ten).
enum NumberTicks {
    /// The nice step for about `count` ticks over `span`.
    static func step(span: Double, count: Int) -> Double {
        let raw = span / Double(max(1, count))
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        let f = raw / power
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        return nice * power
    }

    /// Ticks from `lo` to `hi` every `step`, labelled in one style for the whole axis.
    static func ticks(lo: Double, hi: Double, step: Double) -> [Tick] {
        guard step > 0, hi >= lo else { return [] }
        let first = (lo / step - 1e-9).rounded(.up), last = (hi / step + 1e-9).rounded(.down)
        guard last - first < 1000 else { return [] }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let style = NumberText.style(forMax: values.map(\.magnitude).max() ?? 0)
        return values.map { Tick(value: $0, label: NumberText.tick($0, step: step, style: style)) }
    }

    /// The domain widened to whole steps, so the axis starts and ends on a tick.
    static func nice(lo: Double, hi: Double, count: Int) -> (lo: Double, hi: Double, step: Double) {
        let s = step(span: hi - lo, count: count)
        return ((lo / s).rounded(.down) * s, (hi / s).rounded(.up) * s, s)
    }
}

/// Ticks of a log axis: every power of ten (every few when there are many), with 2 and 5 between
/// them when the axis spans fewer than three decades.
enum LogTicks {
    static func ticks(lo: Double, hi: Double, count: Int) -> [Tick] {
        guard lo > 0, hi > lo else { return [] }
        let e0 = Int(floor(log10(lo) + 1e-9)), e1 = Int(ceil(log10(hi) - 1e-9))
        let decades = max(1, e1 - e0)
        let every = max(1, Int((Double(decades) / Double(max(1, count))).rounded(.up)))
        var out: [Tick] = []
        for e in e0...e1 where (e - e0) % every == 0 {
            let v = pow(10, Double(e))
            if v >= lo * (1 - 1e-9), v <= hi * (1 + 1e-9) { out.append(Tick(value: v, label: NumberText.power(e))) }
            if decades < 3, e < e1 {
                for m in [2.0, 5.0] where v * m >= lo && v * m <= hi {
                    out.append(
                        Tick(value: v * m, label: NumberText.tick(v * m, step: v, style: NumberText.style(forMax: hi))))
                }
            }
        }
        return out
    }

    /// The domain widened to whole decades.
    static func nice(lo: Double, hi: Double) -> (lo: Double, hi: Double) {
        let l = pow(10, floor(log10(lo) + 1e-9)), h = pow(10, ceil(log10(hi) - 1e-9))
        return (l, h > l ? h : l * 10)
    }
}
