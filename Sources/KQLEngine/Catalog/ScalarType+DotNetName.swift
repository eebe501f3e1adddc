import Columnar

extension ScalarType {
    /// The .NET type name Azure Data Explorer reports for this type (`getschema`'s DataType,
    /// `.show table T schema as json`'s Type).
    public var dotNetName: String {
        switch self {
        case .bool: return "System.SByte"
        case .int: return "System.Int32"
        case .long: return "System.Int64"
        case .real: return "System.Double"
        case .decimal: return "System.Data.SqlTypes.SqlDecimal"
        case .datetime: return "System.DateTime"
        case .timespan: return "System.TimeSpan"
        case .guid: return "System.Guid"
        case .string: return "System.String"
        case .dynamic: return "System.Object"
        }
    }
}
