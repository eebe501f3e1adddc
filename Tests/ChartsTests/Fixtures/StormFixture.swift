import Columnar
import Foundation

/// Storm events shaped like the sample database's `StormEvents` (2007, the same column names and
/// types, synthetic values from a fixed seed), and the result tables the documentation's `render`
/// examples compute from them. The aggregations are done here in plain Swift, so that the chart
/// tests do not depend on the engine.
struct StormFixture {
    struct Event {
        var start: Int64, end: Int64
        var state: String, type: String
        var injuries: Int64, deaths: Int64, damageProperty: Int64, damageCrops: Int64
        var lat: Double, lon: Double
    }

    static let states: [(String, Double, Double)] = [
        ("TEXAS", 31.0, -99.0), ("KANSAS", 38.5, -98.0), ("IOWA", 42.0, -93.5), ("ILLINOIS", 40.0, -89.0),
        ("MISSOURI", 38.5, -92.5), ("GEORGIA", 32.7, -83.5), ("MINNESOTA", 46.0, -94.5), ("NEBRASKA", 41.5, -99.8),
        ("NEW YORK", 42.9, -75.5), ("OKLAHOMA", 35.5, -97.5), ("VIRGINIA", 37.5, -78.8), ("FLORIDA", 28.6, -82.4),
        ("CALIFORNIA", 37.2, -119.5), ("WASHINGTON", 47.4, -120.5), ("WISCONSIN", 44.5, -89.7),
        ("WEST VIRGINIA", 38.6, -80.6),
    ]
    static let types = [
        "Thunderstorm Wind", "Hail", "Flash Flood", "Flood", "Tornado", "Heavy Rain", "Winter Storm", "Drought",
    ]

    let events: [Event]

    init(count: Int = 3000, seed: UInt64 = 2007) {
        var rng = Rng(seed)
        let yearStart = T.nanos("2007-01-01")
        let day = DateTimeFormat.nanosPerDay, minute: Int64 = 60_000_000_000
        var out: [Event] = []
        for _ in 0..<count {
            // Early states and types are more frequent, as in the real table.
            let s = StormFixture.states[
                min(Int(rng.unit() * rng.unit() * Double(StormFixture.states.count)), StormFixture.states.count - 1)]
            let t = StormFixture.types[
                min(Int(rng.unit() * rng.unit() * Double(StormFixture.types.count)), StormFixture.types.count - 1)]
            let peak = t.hasPrefix("Winter") ? 20.0 : t == "Drought" ? 220 : 160
            let d = Int64((peak + 50 * rng.normal()).truncatingRemainder(dividingBy: 365) + 365) % 365
            let start = yearStart + d * day + Int64(rng.below(1440)) * minute
            let damaged = rng.unit() < 0.35
            out.append(
                Event(
                    start: start, end: start + Int64(rng.below(t.contains("Flood") ? 1440 : 180)) * minute,
                    state: s.0, type: t,
                    injuries: rng.unit() < 0.05 ? Int64(1 + rng.below(t == "Tornado" ? 30 : 4)) : 0,
                    deaths: rng.unit() < 0.01 ? 1 : 0,
                    damageProperty: damaged ? Int64(exp(9 + 1.5 * rng.normal())) / 1000 * 1000 : 0,
                    damageCrops: damaged && rng.unit() < 0.2 ? Int64(exp(8 + rng.normal())) / 1000 * 1000 : 0,
                    lat: s.1 + 1.5 * rng.normal(), lon: s.2 + 2 * rng.normal()))
        }
        events = out.sorted { $0.start < $1.start }
    }

    // MARK: Result tables of the documentation's examples

    /// `StormEvents | summarize event_count=count() by State` (in order of first appearance).
    func countByState() -> Table {
        let (keys, counts) = StormFixture.count(events.map(\.state))
        return T.table(("State", T.strings(keys)), ("event_count", T.longs(counts)))
    }

    /// `summarize EventCount = count() by EventType, State` for three states.
    func countByTypeAndState(states: [String] = ["TEXAS", "CALIFORNIA", "FLORIDA"]) -> Table {
        let chosen = events.filter { states.contains($0.state) }
        let (keys, counts) = StormFixture.count(chosen.map { "\($0.type)\u{1}\($0.state)" })
        let parts = keys.map { $0.split(separator: "\u{1}").map(String.init) }
        return T.table(
            ("EventType", T.strings(parts.map { $0[0] })), ("State", T.strings(parts.map { $0[1] })),
            ("EventCount", T.longs(counts)))
    }

    /// `summarize count() by State, bin(StartTime, 1d)` for some states (Hail only, as in the docs).
    func dailyCountByState(states: [String] = ["TEXAS", "NEBRASKA", "KANSAS"], type: String? = nil) -> Table {
        let day = DateTimeFormat.nanosPerDay
        let chosen = events.filter { states.contains($0.state) && (type == nil || $0.type == type) }
        let (keys, counts) = StormFixture.count(chosen.map { "\($0.state)\u{1}\($0.start / day * day)" })
        let parts = keys.map { $0.split(separator: "\u{1}").map(String.init) }
        return T.table(
            ("State", T.strings(parts.map { $0[0] })),
            ("StartTime", Column(type: .datetime, int64s: parts.map { Int64($0[1])! })),
            ("count_", T.longs(counts)))
    }

    /// `summarize TotalInjuries = sum(InjuriesDirect), TotalDeaths = sum(DeathsDirect) by bin(StartTime, 7d)`.
    func weeklyInjuriesAndDeaths() -> Table {
        let week = 7 * DateTimeFormat.nanosPerDay
        var order: [Int64] = [], injuries: [Int64: Int64] = [:], deaths: [Int64: Int64] = [:]
        for e in events {
            let b = e.start / week * week
            if injuries[b] == nil { order.append(b) }
            injuries[b, default: 0] += e.injuries; deaths[b, default: 0] += e.deaths
        }
        return T.table(
            ("StartTime", Column(type: .datetime, int64s: order)),
            ("TotalInjuries", T.longs(order.map { injuries[$0] })), ("TotalDeaths", T.longs(order.map { deaths[$0] })))
    }

    /// `where State == "VIRGINIA" | project StartTime, DamageProperty`.
    func virginiaDamage() -> Table {
        let v = events.filter { $0.state == "VIRGINIA" }
        return T.table(
            ("StartTime", Column(type: .datetime, int64s: v.map(\.start))),
            ("DamageProperty", T.longs(v.map(\.damageProperty))))
    }

    /// `summarize min(StartTime), max(EndTime) by State` for rain-like events.
    func rainSpansByState() -> Table {
        var order: [String] = [], lo: [String: Int64] = [:], hi: [String: Int64] = [:]
        for e in events where e.type.contains("Rain") || e.type.contains("Flood") {
            if lo[e.state] == nil { order.append(e.state) }
            lo[e.state] = min(lo[e.state] ?? .max, e.start); hi[e.state] = max(hi[e.state] ?? .min, e.end)
        }
        return T.table(
            ("State", T.strings(order)), ("min_StartTime", Column(type: .datetime, int64s: order.map { lo[$0]! })),
            ("max_EndTime", Column(type: .datetime, int64s: order.map { hi[$0]! })))
    }

    /// `take N | project BeginLon, BeginLat, EventType`.
    func locations(_ n: Int = 300) -> Table {
        let e = Array(events.prefix(n))
        return T.table(
            ("BeginLon", T.reals(e.map(\.lon))), ("BeginLat", T.reals(e.map(\.lat))),
            ("EventType", T.strings(e.map(\.type))))
    }

    /// Flood events in some states: `where EventType == "Flood" | project StartTime, EndTime, State`.
    func floods() -> Table {
        let e = events.filter { $0.type.contains("Flood") }
        return T.table(
            ("StartTime", Column(type: .datetime, int64s: e.map(\.start))),
            ("EndTime", Column(type: .datetime, int64s: e.map(\.end))),
            ("State", T.strings(e.map(\.state))), ("EventType", T.strings(e.map(\.type))))
    }

    /// `summarize sum(DamageProperty) by State` joined with a population per state: two numbers.
    func damageAndPopulation() -> Table {
        var order: [String] = [], damage: [String: Int64] = [:]
        for e in events {
            if damage[e.state] == nil { order.append(e.state) }; damage[e.state, default: 0] += e.damageProperty
        }
        let population = order.map { state in
            Int64(600_000 + 1_700_000 * (StormFixture.states.firstIndex { $0.0 == state } ?? 0) % 25_000_000)
        }
        return T.table(("sum_DamageProperty", T.longs(order.map { damage[$0] })), ("Population", T.longs(population)))
    }

    static func count(_ keys: [String]) -> ([String], [Int64]) {
        var order: [String] = [], counts: [String: Int64] = [:]
        for k in keys { if counts[k] == nil { order.append(k) }; counts[k, default: 0] += 1 }
        return (order, order.map { counts[$0]! })
    }
}

/// A small deterministic generator (SplitMix64), so every run builds the same tables.
struct Rng {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return sqrt(-2 * log(u)) * cos(2 * .pi * v)
    }
}
