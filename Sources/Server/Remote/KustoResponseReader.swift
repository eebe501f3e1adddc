import Columnar
import Foundation
import KQLSyntax

/// Reads the tables of a Kusto answer (v2 frames or v1 tables) back into `Table`s, each cell by its
/// column's KQL type as the REST API writes it (datetimes and timespans as text, dynamic as JSON, real
/// NaN/Infinity as strings). Anything else is `E_ENDPOINT`.
enum KustoResponseReader {
    /// The `PrimaryResult` tables of a v2 answer; an in-data error (a partial result) is thrown.
    static func v2PrimaryResults(_ json: Any) throws(KQLError) -> [Table] {
        guard let frames = json as? [[String: Any]] else { throw malformed("a v2 answer is not an array of frames") }
        var tables: [Table] = []
        for frame in frames
        where frame["FrameType"] as? String == "DataTable" && frame["TableKind"] as? String == "PrimaryResult" {
            tables.append(try table(frame, v1: false))
        }
        if let completion = frames.last, completion["HasErrors"] as? Bool == true,
            let first = (completion["OneApiErrors"] as? [Any])?.first
        {
            throw KustoEndpoint.failure(first, status: 200)
        }
        return tables
    }

    /// Every table of a v1 answer.
    static func v1Tables(_ json: Any) throws(KQLError) -> [Table] {
        guard let tables = (json as? [String: Any])?["Tables"] as? [[String: Any]] else {
            throw malformed("a v1 answer has no Tables")
        }
        var out: [Table] = []
        for t in tables { out.append(try table(t, v1: true)) }
        return out
    }

    /// `v1`: a dynamic cell is its JSON text in a string (v2 nests the JSON value itself).
    private static func table(_ json: [String: Any], v1: Bool) throws(KQLError) -> Table {
        guard let columns = json["Columns"] as? [[String: Any]], let rows = json["Rows"] as? [Any] else {
            throw malformed("a table without Columns or Rows")
        }
        var fields: [Field] = []
        for c in columns {
            guard let name = c["ColumnName"] as? String, let typeName = c["ColumnType"] as? String,
                let type = ScalarType(kqlName: typeName)
            else { throw malformed("a column without a KQL type: \(c)") }
            fields.append(Field(name, type))
        }
        var cells: [[Value]] = Array(repeating: [], count: fields.count)
        for row in rows {
            guard let row = row as? [Any], row.count == fields.count else {
                throw KustoEndpoint.failure(row, status: 200)
            }
            for (i, f) in fields.enumerated() { cells[i].append(try value(row[i], f.type, v1: v1)) }
        }
        return Table(
            schema: Schema(fields), columns: fields.indices.map { Column(type: fields[$0].type, values: cells[$0]) },
            rowCount: rows.count)
    }

    private static func value(_ cell: Any, _ type: ScalarType, v1: Bool) throws(KQLError) -> Value {
        if cell is NSNull { return .null }
        switch type {
        case .bool:
            if let b = cell as? Bool { return .bool(b) }
        case .int:
            if let n = cell as? NSNumber, let i = Int32(exactly: n.int64Value) { return .int(i) }
        case .long:
            if let n = cell as? NSNumber { return .long(n.int64Value) }
        case .real:
            if let n = cell as? NSNumber { return .real(n.doubleValue) }
            if let s = cell as? String, let x = Double(s.replacingOccurrences(of: "Infinity", with: "inf")) {
                return .real(x)
            }
        case .decimal:
            if let s = cell as? String, let d = Decimal(string: s) { return .decimal(d) }
            if let n = cell as? NSNumber { return .decimal(n.decimalValue) }
        case .datetime:
            if let s = cell as? String, let t = DateTimeFormat.parse(s) { return .datetime(t) }
        case .timespan:
            if let s = cell as? String, let t = TimespanFormat.parse(s) { return .timespan(t) }
        case .guid:
            if let s = cell as? String, let g = UUID(uuidString: s) { return .guid(g) }
        case .string:
            if let s = cell as? String { return .string(s) }
        case .dynamic:
            var text = cell as? String
            if !v1 || text == nil {
                guard let data = try? JSONSerialization.data(withJSONObject: cell, options: [.fragmentsAllowed]) else {
                    break
                }
                text = String(decoding: data, as: UTF8.self)
            }
            if let text, let d = try? Dynamic.parseJSON(text) { return .dynamic(d) }
        }
        throw malformed("the cell \(cell) is not a \(type.rawValue)")
    }

    private static func malformed(_ what: String) -> KQLError {
        KQLError(.endpoint, "the endpoint's answer is not a Kusto response: \(what)")
    }
}
