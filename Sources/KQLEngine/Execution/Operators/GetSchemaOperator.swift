import Columnar

/// `getschema`: one row per input column with its name, position, .NET type name and KQL type name.
struct GetSchemaOperator {
    static func dotNetName(_ t: ScalarType) -> String {
        switch t {
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

    func execute(_ input: Table) -> Table {
        let fields = input.schema.fields
        return Table([
            ("ColumnName", Column(strings: fields.map(\.name))),
            ("ColumnOrdinal", Column(int32s: fields.indices.map { Int32($0) })),
            ("DataType", Column(strings: fields.map { GetSchemaOperator.dotNetName($0.type) })),
            ("ColumnType", Column(strings: fields.map { $0.type.rawValue })),
        ])
    }
}
