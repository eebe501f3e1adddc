import Columnar
import Foundation

/// A `StormEvents` table shaped like the one the Azure Data Explorer documentation uses (synthetic
/// rows, same column names and types), so examples from the docs run unchanged. Fixed in 2007; it
/// does not depend on the time anchor.
///
/// Columns: `StartTime`, `EndTime` (datetime), `EpisodeId`, `EventId` (int), `State`, `EventType`
/// (string), `InjuriesDirect`, `DeathsDirect`, `DamageProperty`, `DamageCrops` (int), `Source`
/// (string), `BeginLat`, `BeginLon` (real), `StormSummary` (dynamic: `TotalDamages`, `StartTime`,
/// `EndTime`, `Details.Description`, `Details.Location`).
enum SampleStormEvents {
    static let rowCount = 4_000

    private struct State { let name: String; let lat: Double; let lon: Double; let weight: Double }
    private static let states: [State] = [
        State(name: "TEXAS", lat: 31.0, lon: -99.0, weight: 9), State(name: "KANSAS", lat: 38.5, lon: -98.0, weight: 6),
        State(name: "IOWA", lat: 42.0, lon: -93.5, weight: 5),
        State(name: "ILLINOIS", lat: 40.0, lon: -89.0, weight: 4),
        State(name: "MISSOURI", lat: 38.5, lon: -92.5, weight: 4),
        State(name: "GEORGIA", lat: 32.7, lon: -83.5, weight: 4),
        State(name: "MINNESOTA", lat: 46.0, lon: -94.5, weight: 3),
        State(name: "WISCONSIN", lat: 44.5, lon: -89.7, weight: 3),
        State(name: "NEBRASKA", lat: 41.5, lon: -99.8, weight: 3),
        State(name: "NEW YORK", lat: 42.9, lon: -75.5, weight: 3),
        State(name: "OKLAHOMA", lat: 35.5, lon: -97.5, weight: 3),
        State(name: "PENNSYLVANIA", lat: 40.9, lon: -77.8, weight: 3),
        State(name: "NORTH CAROLINA", lat: 35.6, lon: -79.4, weight: 3),
        State(name: "VIRGINIA", lat: 37.5, lon: -78.8, weight: 2),
        State(name: "FLORIDA", lat: 28.6, lon: -82.4, weight: 2),
        State(name: "COLORADO", lat: 39.0, lon: -105.5, weight: 2),
        State(name: "CALIFORNIA", lat: 37.2, lon: -119.5, weight: 2),
        State(name: "OHIO", lat: 40.3, lon: -82.8, weight: 2),
        State(name: "ALABAMA", lat: 32.8, lon: -86.8, weight: 2),
        State(name: "WASHINGTON", lat: 47.4, lon: -120.5, weight: 1),
    ]

    /// Event kinds with their relative frequency, damage scale and peak month.
    private struct Kind { let name: String; let weight: Double; let damage: Double; let harm: Double; let month: Int }
    private static let kinds: [Kind] = [
        Kind(name: "Thunderstorm Wind", weight: 13, damage: 20_000, harm: 0.05, month: 6),
        Kind(name: "Hail", weight: 12, damage: 8_000, harm: 0.01, month: 5),
        Kind(name: "Flash Flood", weight: 5, damage: 60_000, harm: 0.08, month: 7),
        Kind(name: "Drought", weight: 4, damage: 0, harm: 0, month: 8),
        Kind(name: "Winter Weather", weight: 4, damage: 2_000, harm: 0.02, month: 1),
        Kind(name: "Winter Storm", weight: 3, damage: 15_000, harm: 0.05, month: 12),
        Kind(name: "Heavy Snow", weight: 3, damage: 5_000, harm: 0.02, month: 2),
        Kind(name: "High Wind", weight: 3, damage: 25_000, harm: 0.05, month: 3),
        Kind(name: "Flood", weight: 2, damage: 150_000, harm: 0.05, month: 4),
        Kind(name: "Tornado", weight: 2, damage: 400_000, harm: 0.6, month: 5),
        Kind(name: "Heavy Rain", weight: 2, damage: 3_000, harm: 0.01, month: 7),
        Kind(name: "Frost/Freeze", weight: 1.5, damage: 0, harm: 0, month: 4),
        Kind(name: "Excessive Heat", weight: 1, damage: 0, harm: 0.8, month: 7),
        Kind(name: "Lightning", weight: 1, damage: 30_000, harm: 0.3, month: 7),
        Kind(name: "Dense Fog", weight: 1, damage: 0, harm: 0.05, month: 11),
    ]
    private static let sources = [
        "Trained Spotter", "Law Enforcement", "Public", "Emergency Manager", "Mesonet",
        "NWS Storm Survey", "ASOS", "Broadcast Media", "COOP Observer",
    ]
    private static let sourceWeights: [Double] = [8, 6, 4, 4, 2, 2, 2, 1, 1]

    static func make(seed: UInt64 = 0x5EED_0002) -> Table {
        var rng = SplitMix64(seed: seed)
        let yearStart = Int64(DateTimeFormat.days(year: 2007, month: 1, day: 1)) * DateTimeFormat.nanosPerDay
        let minute: Int64 = 60 * DateTimeFormat.nanosPerSecond
        var rows: [(start: Int64, index: Int)] = []
        var starts = [Int64](), ends = [Int64](), episodes = [Int32](), eventIds = [Int32]()
        var stateNames = [String?](), types = [String?](), injuries = [Int32](), deaths = [Int32]()
        var damageProperty = [Int32](), damageCrops = [Int32](), sourceNames = [String?]()
        var lats = [Double](), lons = [Double](), summaries = [Dynamic]()
        let kindWeights = kinds.map(\.weight), stateWeights = states.map(\.weight)
        for i in 0..<rowCount {
            let kind = rng.pick(kinds, weights: kindWeights)
            let state = rng.pick(states, weights: stateWeights)
            // Day of year around the kind's peak month (wrapping through the year).
            let peakDay = Double((kind.month - 1) * 30 + 15)
            let day = Int((peakDay + 45 * rng.normal()).truncatingRemainder(dividingBy: 365) + 365) % 365
            let start = yearStart + Int64(day) * DateTimeFormat.nanosPerDay + Int64(rng.below(24 * 60)) * minute
            let duration = Int64(rng.below(kind.damage > 50_000 ? 24 * 60 : 180)) * minute
            let damaged = kind.damage > 0 && rng.unit() < 0.35
            let property =
                damaged ? Int32(min(kind.damage * exp(1.5 * rng.normal()), 50_000_000).rounded() / 1000) * 1000 : 0
            let crops =
                damaged && rng.unit() < 0.2
                ? Int32(min(kind.damage * 0.3 * exp(rng.normal()), 5_000_000).rounded() / 1000) * 1000 : 0
            let harmed = rng.unit() < kind.harm
            rows.append((start, i))
            starts.append(start); ends.append(start + duration)
            episodes.append(Int32(1_000 + i / 3)); eventIds.append(Int32(7_000 + i))
            stateNames.append(state.name); types.append(kind.name)
            injuries.append(harmed ? Int32(1 + rng.below(kind.name == "Tornado" ? 30 : 5)) : 0)
            deaths.append(harmed && rng.unit() < 0.1 ? 1 : 0)
            damageProperty.append(property); damageCrops.append(crops)
            sourceNames.append(rng.pick(sources, weights: sourceWeights))
            lats.append(SampleEvents.round3(state.lat + 1.2 * rng.normal()))
            lons.append(SampleEvents.round3(state.lon + 1.8 * rng.normal()))
            summaries.append(
                .bag(
                    PropertyBag([
                        ("TotalDamages", .long(Int64(property) + Int64(crops))),
                        ("StartTime", .datetime(start)), ("EndTime", .datetime(start + duration)),
                        (
                            "Details",
                            .bag(
                                PropertyBag([
                                    (
                                        "Description",
                                        .string("\(kind.name) reported by \(sourceNames[i]!.lowercased())")
                                    ),
                                    ("Location", .string(state.name)),
                                ]))
                        ),
                    ])))
        }
        // Rows in time order, as an ingested table usually is.
        let order = rows.sorted { ($0.start, $0.index) < ($1.start, $1.index) }.map(\.index)
        let table = Table([
            ("StartTime", Column(type: .datetime, int64s: starts)),
            ("EndTime", Column(type: .datetime, int64s: ends)),
            ("EpisodeId", Column(int32s: episodes)),
            ("EventId", Column(int32s: eventIds)),
            ("State", Column(strings: stateNames)),
            ("EventType", Column(strings: types)),
            ("InjuriesDirect", Column(int32s: injuries)),
            ("DeathsDirect", Column(int32s: deaths)),
            ("DamageProperty", Column(int32s: damageProperty)),
            ("DamageCrops", Column(int32s: damageCrops)),
            ("Source", Column(strings: sourceNames)),
            ("BeginLat", Column(reals: lats)),
            ("BeginLon", Column(reals: lons)),
            ("StormSummary", Column(type: .dynamic, values: summaries.map { Value.dynamic($0) })),
        ])
        return table.gather(order)
    }
}
