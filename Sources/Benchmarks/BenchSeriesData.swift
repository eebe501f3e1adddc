import Columnar

/// The data of `sandpiper bench series`: `series` hourly series of `points` points each, one row per
/// series and hour, rows in time order (hour 0 of every series, then hour 1, …) as telemetry arrives.
///
/// These formulas are the single definition; `bench/peers/series_anomalies.py` repeats them in numpy
/// and says so. For series `s` and hour `t`, with `k = s × points + t`:
/// - `sid = s`, `ts = 2026-01-01 + t hours`
/// - `value = (10 + s % 7) + ((t % 24) − 12)² / 16 + 2·u(2k) + spike`
/// - `u(i)` is the i-th output of SplitMix64 seeded with `seed`, as a double in [0, 1) (its top 53 bits)
/// - `spike` is +10 when `u(2k + 1) < 0.001`, −10 when it is in [0.001, 0.002), else 0; hours within a
///   day of either end get none, so the moving-average trend that statsmodels extrapolates at the ends
///   is not pulled by one.
///
/// The daily pattern is exact in binary (a square over 16), so both sides compute the same values. The
/// noise's residual stays inside ±1.1 while the ctukey fence at 1.5 sits near ±3.2, and a spike's
/// residual is near ±9: every method that decomposes sensibly flags exactly the planted spikes, which
/// is the answer the run checks.
enum BenchSeriesData {
    /// The axis starts at 2026-01-01T00:00:00Z (nanoseconds since the epoch).
    static let start: Int64 = 1_767_225_600 * 1_000_000_000
    static let hour: Int64 = 3_600 * 1_000_000_000

    /// SplitMix64's output `i` for `seed`, scaled to [0, 1).
    @inline(__always) static func uniform(_ seed: UInt64, _ i: UInt64) -> Double {
        // SplitMix64 is defined modulo 2^64: the wrapping operators are its arithmetic, not an overflow.
        var z = seed &+ (i &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53
    }

    /// The spike of series `s` at hour `t`: +1, −1 or 0 (times 10 in the value).
    @inline(__always) static func spike(seed: UInt64, k: UInt64, t: Int, points: Int) -> Int {
        guard t >= 24, t < points - 24 else { return 0 }
        let draw = uniform(seed, 2 * k + 1)
        return draw < 0.001 ? 1 : draw < 0.002 ? -1 : 0
    }

    /// The table `samples(sid: long, ts: datetime, value: real)` and the planted spikes (up, down).
    static func samples(series: Int, points: Int, seed: UInt64) -> (table: Table, up: Int, down: Int) {
        let rows = series * points
        var sid = [Int64](repeating: 0, count: rows), ts = sid
        var value = [Double](repeating: 0, count: rows)
        var up = 0, down = 0
        for t in 0..<points {
            let phase = Double(((t % 24) - 12) * ((t % 24) - 12)) / 16
            let time = start + Int64(t) * hour
            for s in 0..<series {
                let r = t * series + s
                let k = UInt64(s * points + t)
                let jump = spike(seed: seed, k: k, t: t, points: points)
                if jump > 0 { up += 1 } else if jump < 0 { down += 1 }
                sid[r] = Int64(s)
                ts[r] = time
                value[r] = Double(10 + s % 7) + phase + 2 * uniform(seed, 2 * k) + Double(10 * jump)
            }
        }
        let table = Table([
            ("sid", Column(int64s: sid)), ("ts", Column(type: .datetime, int64s: ts)), ("value", Column(reals: value)),
        ])
        return (table, up, down)
    }

    /// The analysis: `make-series` onto the hourly axis (0 where an hour has no row), anomalies with a
    /// daily period, the average as trend and ctukey's fences at 1.5, and the flags counted.
    static func query(points: Int) -> String {
        """
        samples
        | make-series v = avg(value) default = 0.0 on ts from datetime(2026-01-01) to datetime(2026-01-01) + \(points)h step 1h by sid
        | extend (flag, score, baseline) = series_decompose_anomalies(v, 1.5, 24, 'avg', 0, 'ctukey')
        | extend a = series_sum(series_abs(flag)), s = series_sum(flag)
        | summarize up = sum(a + s) / 2, down = sum(a - s) / 2, series = count()
        """
    }
}
