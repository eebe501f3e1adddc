import Columnar
import Foundation
import KQLSyntax

/// Coerces a python result to the schema `typeof(...)` declared.
///
/// A column whose type already matches is kept as it is (its buffers stay adopted from shared
/// memory); others are converted value by value the way KQL's `to*` functions would. A declared
/// column missing from the result, or a value that cannot be converted, is `E_RESULT_SCHEMA`.
enum PythonResultCoercion {
    static func coerce(_ table: Table, to schema: Schema, span: SourceSpan) throws(KQLError) -> Table {
        var columns: [Column] = []
        for field in schema.fields {
            guard let i = table.schema.index(of: field.name) else {
                throw KQLError(.resultSchema, "the python result has no column '\(field.name)' declared in typeof(...); it has \(table.schema.names.joined(separator: ", "))",
                               span: span, hint: "add the column to `result`, or remove it from typeof(...)")
            }
            let column = table.columns[i]
            if column.type == field.type { columns.append(column); continue }
            var b = ColumnBuilder(type: field.type, capacity: column.count)
            for row in 0..<column.count {
                let v = column.value(row)
                guard let c = convert(v, to: field.type) else {
                    throw KQLError(.resultSchema, "column '\(field.name)' row \(row): the value \(v.text) (\(column.type.rawValue)) cannot be converted to \(field.type.rawValue)",
                                   span: span, hint: "declare the column as \(column.type.rawValue) in typeof(...), or convert it in the script")
                }
                b.append(c)
            }
            columns.append(b.finish())
        }
        return Table(schema: schema, columns: columns, rowCount: table.rowCount)
    }

    /// `v` as a value of `type`, or nil when KQL would not convert it.
    static func convert(_ v: Value, to type: ScalarType) -> Value? {
        if v.isNull { return type == .dynamic ? .dynamic(.null) : .null }
        if v.type == type { return v }
        switch (type, v) {
        case (.string, _): return .string(v.text)
        case (.dynamic, _): return .dynamic(v.asDynamic)
        case (.real, .int(let x)): return .real(Double(x))
        case (.real, .long(let x)): return .real(Double(x))
        case (.real, .bool(let x)): return .real(x ? 1 : 0)
        case (.real, .decimal(let x)): return .real(NSDecimalNumber(decimal: x).doubleValue)
        case (.real, .string(let s)): return Double(s).map(Value.real)
        case (.long, .int(let x)): return .long(Int64(x))
        case (.long, .bool(let x)): return .long(x ? 1 : 0)
        case (.long, .real(let x)): return x.isFinite && abs(x) < 9.2e18 ? .long(Int64(x.rounded(.towardZero))) : nil
        case (.long, .string(let s)): return Int64(s).map(Value.long)
        case (.int, .long(let x)): return Int32(exactly: x).map(Value.int)
        case (.int, .bool(let x)): return .int(x ? 1 : 0)
        case (.int, .real(let x)): return x.isFinite ? Int32(exactly: x.rounded(.towardZero)).map(Value.int) : nil
        case (.int, .string(let s)): return Int32(s).map(Value.int)
        case (.decimal, .int(let x)): return .decimal(Decimal(Int(x)))
        case (.decimal, .long(let x)): return .decimal(Decimal(x))
        case (.decimal, .real(let x)): return x.isFinite ? .decimal(Decimal(x)) : nil
        case (.bool, .long(let x)): return .bool(x != 0)
        case (.bool, .int(let x)): return .bool(x != 0)
        case (.bool, .string(let s)): return ["true": true, "false": false][s.lowercased()].map(Value.bool)
        case (.datetime, .string(let s)): return DateTimeFormat.parse(s).map(Value.datetime)
        case (.timespan, .string(let s)): return TimespanFormat.parse(s).map(Value.timespan)
        case (.guid, .string(let s)): return UUID(uuidString: s).map(Value.guid)
        case (_, .dynamic(let d)): return convertDynamic(d, to: type)
        default: return nil
        }
    }

    static func convertDynamic(_ d: Dynamic, to type: ScalarType) -> Value? {
        switch d {
        case .null: return .null
        case .bool(let b): return convert(.bool(b), to: type)
        case .long(let x): return convert(.long(x), to: type)
        case .real(let x): return convert(.real(x), to: type)
        case .string(let s): return convert(.string(s), to: type)
        case .datetime(let x): return type == .datetime ? .datetime(x) : nil
        case .timespan(let x): return type == .timespan ? .timespan(x) : nil
        case .guid(let g): return type == .guid ? .guid(g) : nil
        case .decimal(let x): return convert(.decimal(x), to: type)
        case .array, .bag: return nil
        }
    }
}
