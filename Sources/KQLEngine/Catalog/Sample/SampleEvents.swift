import Columnar
import Foundation

/// The `Events` table of the seed document's examples.
///
/// | Column | Type | Content |
/// | --- | --- | --- |
/// | `Timestamp` | datetime | ascending, spread evenly (with jitter) over the 14 days before `now`, millisecond precision |
/// | `Id` | long | the event's sequence number, 1 ... rowCount |
/// | `Value` | real | a reading with a daily cycle (peak at 12:00 UTC), a slow upward trend and noise |
/// | `Feature1`–`Feature3` | real | standard-normal features |
/// | `Label` | long | 0/1; 1 when `1.5·F1 − F2 + 0.5·F3` plus noise exceeds 0.3 (about 42% of rows), so a classifier can learn it |
enum SampleEvents {
    static let rowCount = 100_000
    static let span: Int64 = 14 * DateTimeFormat.nanosPerDay

    static func make(now: Int64, seed: UInt64 = 0x5EED_0001) -> Table {
        var rng = SplitMix64(seed: seed)
        let n = rowCount
        let start = now - span
        let step = span / Int64(n)
        let millis: Int64 = 1_000_000
        var timestamps = [Int64](), ids = [Int64](), values = [Double](), labels = [Int64]()
        var f1 = [Double](), f2 = [Double](), f3 = [Double]()
        timestamps.reserveCapacity(n); ids.reserveCapacity(n); labels.reserveCapacity(n)
        values.reserveCapacity(n); f1.reserveCapacity(n); f2.reserveCapacity(n); f3.reserveCapacity(n)
        for i in 0..<n {
            let jitter = Int64(rng.unit() * Double(step))
            var t = start + Int64(i) * step + jitter
            t -= ((t % millis) + millis) % millis
            timestamps.append(t)
            ids.append(Int64(i + 1))
            let secondOfDay =
                Double(((t % DateTimeFormat.nanosPerDay) + DateTimeFormat.nanosPerDay) % DateTimeFormat.nanosPerDay)
                / 1e9
            let daily = 10 * sin(2 * Double.pi * (secondOfDay / 86_400 - 0.25))
            let trend = 0.5 * Double(i) / Double(n) * 14
            values.append(round3(50 + daily + trend + 3 * rng.normal()))
            let a = rng.normal(), b = rng.normal(), c = rng.normal()
            f1.append(round3(a)); f2.append(round3(b)); f3.append(round3(c))
            let score = 1.5 * a - b + 0.5 * c + 0.8 * rng.normal()
            labels.append(score > 0.3 ? 1 : 0)
        }
        return Table([
            ("Timestamp", Column(type: .datetime, int64s: timestamps)),
            ("Id", Column(type: .long, int64s: ids)),
            ("Value", Column(reals: values)),
            ("Feature1", Column(reals: f1)),
            ("Feature2", Column(reals: f2)),
            ("Feature3", Column(reals: f3)),
            ("Label", Column(type: .long, int64s: labels)),
        ])
    }

    /// Rounds to three decimals so printed values stay short.
    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
