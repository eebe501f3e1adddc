import Columnar
import Foundation
import KQLSyntax

/// Coerces a python result to the schema `typeof(...)` declared.
///
/// A column whose type already matches is kept as it is (its buffers stay adopted from shared
/// memory); others are converted by the result-schema mode of the one cast table (`Cast`): the
/// `to*` rules, except that a value they would turn into null is refused. A declared column missing
/// from the result, or a value that cannot be converted, is `E_RESULT_SCHEMA`.
enum PythonResultCoercion {
    static func coerce(_ table: Table, to schema: Schema, span: SourceSpan) throws(KQLError) -> Table {
        var columns: [Column] = []
        for field in schema.fields {
            guard let i = table.schema.index(of: field.name) else {
                throw KQLError(
                    .resultSchema,
                    "the python result has no column '\(field.name)' declared in typeof(...); it has \(table.schema.names.joined(separator: ", "))",
                    span: span, hint: "add the column to `result`, or remove it from typeof(...)")
            }
            let column = table.columns[i]
            if column.type == field.type { columns.append(column); continue }
            do {
                columns.append(try Cast.column(column, to: field.type, mode: .resultSchema))
            } catch {
                throw KQLError(
                    .resultSchema,
                    "column '\(field.name)' row \(error.row): the value \(error.value.text) (\(column.type.rawValue)) cannot be converted to \(field.type.rawValue)",
                    span: span,
                    hint: "declare the column as \(column.type.rawValue) in typeof(...), or convert it in the script")
            }
        }
        return Table(schema: schema, columns: columns, rowCount: table.rowCount)
    }
}
