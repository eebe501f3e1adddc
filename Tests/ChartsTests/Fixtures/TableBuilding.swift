import Columnar
import Foundation

/// Small tables for chart tests, written column by column.
enum T {
    static func table(_ columns: (String, Column)...) -> Table { Table(columns) }

    static func longs(_ v: [Int64?]) -> Column {
        Column(type: .long, int64s: v.map { $0 ?? 0 }, valid: v.contains(nil) ? v.map { $0 != nil } : nil)
    }
    static func reals(_ v: [Double?]) -> Column {
        Column(reals: v.map { $0 ?? .nan }, valid: v.contains(nil) ? v.map { $0 != nil } : nil)
    }
    static func strings(_ v: [String?]) -> Column { Column(strings: v) }
    static func bools(_ v: [Bool]) -> Column { Column(bools: v) }
    /// Datetimes from ISO text (`2007-01-05`, `2007-01-05T06:00:00Z`).
    static func dates(_ v: [String?]) -> Column {
        let nanos = v.map { $0.flatMap(DateTimeFormat.parse) }
        return Column(
            type: .datetime, int64s: nanos.map { $0 ?? 0 }, valid: nanos.contains(nil) ? nanos.map { $0 != nil } : nil)
    }
    static func timespans(_ seconds: [Double]) -> Column {
        Column(type: .timespan, int64s: seconds.map { Int64($0 * 1e9) })
    }
    static func dynamics(_ v: [Dynamic]) -> Column {
        var b = ColumnBuilder(type: .dynamic, capacity: v.count)
        for d in v { b.append(dynamic: d) }
        return b.finish()
    }
    static func nanos(_ iso: String) -> Int64 { DateTimeFormat.parse(iso)! }
    static func point(_ lon: Double, _ lat: Double) -> Dynamic {
        .bag(PropertyBag([("type", .string("Point")), ("coordinates", .array([.real(lon), .real(lat)]))]))
    }
}
