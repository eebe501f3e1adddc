import Columnar
import KQLEngine

/// Appends JSON text: the responses are written by hand so that cells come out exactly as the Kusto
/// REST API writes them (`JSONResultFormatter.encode`), with no intermediate objects per cell.
struct JSONWriter {
    private(set) var text = ""

    init(reserving bytes: Int = 256) { text.reserveCapacity(bytes) }

    var byteCount: Int { text.utf8.count }

    mutating func raw(_ s: String) { text += s }
    mutating func string(_ s: String) { JSONText.quote(s, into: &text) }
    mutating func optionalString(_ s: String?) { if let s { string(s) } else { raw("null") } }
    mutating func value(_ v: Value) { JSONResultFormatter.encode(v, into: &text) }

    /// `[{"ColumnName":"a","ColumnType":"long"},...]` — and with `dataType`, v1's `DataType` too.
    mutating func columns(_ schema: Schema, dataType: Bool = false) {
        raw("[")
        for (i, f) in schema.fields.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"ColumnName\":"); string(f.name)
            if dataType { raw(",\"DataType\":\""); raw(Self.v1DataType(f.type)); raw("\"") }
            raw(",\"ColumnType\":\""); raw(f.type.rawValue); raw("\"}")
        }
        raw("]")
    }

    /// The .NET type name (without `System.`) a v1 response gives each column beside its KQL type.
    static func v1DataType(_ type: ScalarType) -> String {
        switch type {
        case .bool: return "Boolean"
        case .int: return "Int32"
        case .long: return "Int64"
        case .real: return "Double"
        case .decimal: return "Decimal"
        case .datetime: return "DateTime"
        case .timespan: return "TimeSpan"
        case .guid: return "Guid"
        case .string: return "String"
        case .dynamic: return "Object"
        }
    }

    /// Rows of `table` as arrays of cells; v1 writes a dynamic cell as its JSON text in a string.
    mutating func rows(_ table: Table, dynamicAsText: Bool = false) {
        raw("[")
        for r in 0..<table.rowCount {
            raw(r == 0 ? "[" : ",[")
            for (c, column) in table.columns.enumerated() {
                if c > 0 { raw(",") }
                let v = column.value(r)
                if dynamicAsText, case .dynamic(let d) = v { string(d.jsonText) } else { value(v) }
            }
            raw("]")
        }
        raw("]")
    }
}

extension JSONWriter {
    /// Removes a closing `]` just written, to append to the array it closed.
    mutating func dropLastBracket() {
        if text.last == "]" { text.removeLast() }
    }
}
