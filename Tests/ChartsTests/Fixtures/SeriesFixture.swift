import Columnar
import Foundation

/// A make-series result like the documentation's `demo_make_series2` examples: one row per series,
/// `TimeStamp` an array of datetimes every 2 hours over a month, `num` the values (a daily cycle, a
/// trend, noise and a few injected spikes and dips), and what `series_decompose_anomalies` returns
/// next to it (`anomalies` +1/-1/0, `score`, `baseline`), computed here directly.
enum SeriesFixture {
    static let start = T.nanos("2017-01-05")
    static let step: Int64 = 2 * 3_600_000_000_000
    static let count = 360

    static func make(sids: [String] = ["TS1"], withAnomalies: Bool = true) -> Table {
        var rng = Rng(5)
        var sidCol: [String?] = [], times: [Dynamic] = [], nums: [Dynamic] = []
        var anomalies: [Dynamic] = [], scores: [Dynamic] = [], baselines: [Dynamic] = []
        for (k, sid) in sids.enumerated() {
            var t: [Dynamic] = [], n: [Dynamic] = [], a: [Dynamic] = [], sc: [Dynamic] = [], b: [Dynamic] = []
            for i in 0..<count {
                let hour = Double(i % 12) * 2
                let base = 200 + 40 * Double(k) + 0.1 * Double(i) + 60 * sin((hour - 6) / 24 * 2 * .pi)
                var v = base + 8 * rng.normal()
                var flag = 0
                if [80, 200, 290].contains(i) { v += 130; flag = 1 }
                if i == 150 { v -= 120; flag = -1 }
                t.append(.datetime(start + Int64(i) * step))
                n.append(.real((v * 10).rounded() / 10))
                a.append(.long(Int64(flag)))
                sc.append(.real(((v - base) / 8 * 100).rounded() / 100))
                b.append(.real((base * 10).rounded() / 10))
            }
            sidCol.append(sid); times.append(.array(t)); nums.append(.array(n))
            anomalies.append(.array(a)); scores.append(.array(sc)); baselines.append(.array(b))
        }
        var columns: [(String, Column)] = [
            ("sid", T.strings(sidCol)), ("TimeStamp", T.dynamics(times)), ("num", T.dynamics(nums)),
        ]
        if withAnomalies {
            columns += [
                ("anomalies", T.dynamics(anomalies)), ("score", T.dynamics(scores)),
                ("baseline", T.dynamics(baselines)),
            ]
        }
        return Table(columns)
    }
}
