import Columnar
import KQLSyntax

/// `getschema`: one row per input column with its name, position, .NET type name and KQL type name.
struct GetSchemaOperator {
    func execute(_ input: Table) -> Table {
        let fields = input.schema.fields
        return Table([
            ("ColumnName", Column(strings: fields.map(\.name))),
            ("ColumnOrdinal", Column(int32s: fields.indices.map { Int32($0) })),
            ("DataType", Column(strings: fields.map { $0.type.dotNetName })),
            ("ColumnType", Column(strings: fields.map { $0.type.rawValue })),
        ])
    }
}

extension GetSchemaOperator: PhysicalOperator {
    var name: String { "getschema" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { execute(input) }
}
