import Columnar

/// What a column holds, as a chart sees it: scalar KQL types folded into a few roles, and `dynamic`
/// columns looked into (make-series writes arrays, geo functions write GeoJSON points).
public enum ColumnShape: String, Sendable, Hashable, Codable {
    /// `int`, `long`, `real`, `decimal`.
    case number
    case datetime
    case timespan
    /// `string`, `guid`, `bool`, and `dynamic` values that are neither arrays nor points.
    case text
    /// `dynamic` arrays of numbers, datetimes or timespans: one series per row.
    case numberArray, datetimeArray, timespanArray
    /// `dynamic` GeoJSON points (`{"type": "Point", "coordinates": [lon, lat]}`).
    case geoPoint

    /// The shape of `column`: a `dynamic` column takes the shape of its first non-null value
    /// (for arrays, of their first non-null element).
    public init(_ column: Column) {
        switch column.type {
        case .int, .long, .real, .decimal: self = .number
        case .datetime: self = .datetime
        case .timespan: self = .timespan
        case .string, .guid, .bool: self = .text
        case .dynamic: self = ColumnShape.dynamicShape(column)
        }
    }

    /// Values of this shape can be a continuous axis (numbers and times, scalar or in arrays).
    var isContinuous: Bool { self != .text && self != .geoPoint }
    /// Arrays of a make-series result: each row is a whole series.
    var isArray: Bool { self == .numberArray || self == .datetimeArray || self == .timespanArray }
    /// The element shape of an array shape; a scalar shape itself.
    var element: ColumnShape {
        switch self {
        case .numberArray: return .number
        case .datetimeArray: return .datetime
        case .timespanArray: return .timespan
        default: return self
        }
    }

    private static func dynamicShape(_ column: Column) -> ColumnShape {
        guard case .dynamics(let values)? = column.objects else { return .text }
        for value in values {
            switch value {
            case .null: continue
            case .array(let items):
                for item in items {
                    switch item {
                    case .null: continue
                    case .long, .real, .decimal: return .numberArray
                    case .datetime: return .datetimeArray
                    case .timespan: return .timespanArray
                    case .string(let s) where DateTimeFormat.parse(s) != nil: return .datetimeArray
                    default: return .text
                    }
                }
            case .bag:
                return GeoPoint(value) != nil ? .geoPoint : .text
            default:
                return .text
            }
        }
        return .text
    }
}

/// A longitude/latitude pair read from a GeoJSON point.
struct GeoPoint: Equatable {
    let longitude: Double, latitude: Double

    init?(_ value: Dynamic) {
        guard case .string(let type)? = value[key: "type"], type == "Point",
            let lon = value[key: "coordinates"]?[index: 0].flatMap(ChartValues.number),
            let lat = value[key: "coordinates"]?[index: 1].flatMap(ChartValues.number)
        else { return nil }
        longitude = lon; latitude = lat
    }
}
