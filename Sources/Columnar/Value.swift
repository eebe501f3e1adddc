import Foundation

/// One boxed KQL value. Used for literals, constants and slow paths; columns never store these.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int32)
    case long(Int64)
    case real(Double)
    case decimal(Decimal)
    /// Nanoseconds since the Unix epoch.
    case datetime(Int64)
    /// Nanoseconds.
    case timespan(Int64)
    case guid(UUID)
    case string(String)
    case dynamic(Dynamic)

    public var isNull: Bool {
        if case .null = self { return true }
        if case .dynamic(.null) = self { return true }
        return false
    }

    /// The KQL type of a non-null value; nil for `.null`.
    public var type: ScalarType? {
        switch self {
        case .null: return nil
        case .bool: return .bool
        case .int: return .int
        case .long: return .long
        case .real: return .real
        case .decimal: return .decimal
        case .datetime: return .datetime
        case .timespan: return .timespan
        case .guid: return .guid
        case .string: return .string
        case .dynamic: return .dynamic
        }
    }

    /// The value as a `dynamic` (a scalar stays itself inside the dynamic).
    public var asDynamic: Dynamic {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let v): return .long(Int64(v))
        case .long(let v): return .long(v)
        case .real(let v): return .real(v)
        case .decimal(let v): return .decimal(v)
        case .datetime(let v): return .datetime(v)
        case .timespan(let v): return .timespan(v)
        case .guid(let v): return .guid(v)
        case .string(let v): return .string(v)
        case .dynamic(let d): return d
        }
    }

    /// KQL's `tostring` of the value (null becomes the empty string).
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .long(let v): return String(v)
        case .real(let v): return RealFormat.string(v)
        case .decimal(let v): return v.description
        case .datetime(let v): return DateTimeFormat.iso8601(v)
        case .timespan(let v): return TimespanFormat.string(v)
        case .guid(let g): return g.uuidString.lowercased()
        case .string(let s): return s
        case .dynamic(let d):
            if case .string(let s) = d { return s }
            if case .null = d { return "" }
            return d.jsonText
        }
    }
}
