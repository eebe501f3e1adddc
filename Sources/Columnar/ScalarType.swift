/// The ten KQL scalar types.
///
/// The raw value is the type's KQL name, as `getschema` and `typeof(...)` spell it.
public enum ScalarType: String, Sendable, Hashable, CaseIterable, Codable {
    case bool, int, long, real, decimal, datetime, timespan, guid, string, dynamic

    /// Parses a KQL type name, including the aliases KQL accepts (`boolean`, `double`, `date`, `time`, `uniqueid`, `int32`, `int64`).
    public init?(kqlName: String) {
        switch kqlName.lowercased() {
        case "bool", "boolean": self = .bool
        case "int", "int32": self = .int
        case "long", "int64": self = .long
        case "real", "double": self = .real
        case "decimal": self = .decimal
        case "datetime", "date": self = .datetime
        case "timespan", "time": self = .timespan
        case "guid", "uniqueid": self = .guid
        case "string": self = .string
        case "dynamic": self = .dynamic
        default: return nil
        }
    }

    /// Bytes per value in the fixed-width value buffer, or nil for variable-width types.
    ///
    /// `bool` takes one byte per value (not Arrow's bit-packing) so numpy can view it as `bool` without a copy.
    public var fixedWidth: Int? {
        switch self {
        case .bool: return 1
        case .int: return 4
        case .long, .real, .datetime, .timespan: return 8
        case .guid: return 16
        case .string, .decimal, .dynamic: return nil
        }
    }

    /// True for `int`, `long`, `real` and `decimal`.
    public var isNumeric: Bool {
        switch self {
        case .int, .long, .real, .decimal: return true
        default: return false
        }
    }
}
