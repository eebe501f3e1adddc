import Charts
import Columnar

/// The JSON output contract: one object per result table, on one line:
///
/// `{"columns":[{"name":"x","type":"long"}],"rows":[[1],[null]]}`
///
/// Values are encoded as the Kusto REST API v2 does: `bool` as true/false; `int`/`long` as numbers;
/// `real` as a number (NaN and ±Infinity as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`);
/// `decimal` as a string; `datetime` as `"2024-01-01T00:00:00.0000000Z"`; `timespan` as
/// `"[-][d.]hh:mm:ss[.fffffff]"`; `guid` as a lower-case string; `dynamic` as a nested JSON value
/// (not a string); null as `null`.
///
/// A truncated table's object ends with `"truncation":{"code":"E_QUERY_RESULT_SET_TOO_LARGE",
/// "limit":"truncationmaxrecords","maximum":500000,"rows":500000,"total_rows":600000,"message":"..."}`
/// (`limit` is the request property that cut it; `maximum` its value, in records or bytes).
/// A table that ends in `render` is followed by a `{"visualization":{...}}` line (`visualizationLine`).
public enum JSONResultFormatter {
    public static func line(_ table: Table, truncation: TruncationNotice? = nil) -> String {
        var out = "{\"columns\":["
        for (i, f) in table.schema.fields.enumerated() {
            if i > 0 { out += "," }
            out += "{\"name\":"
            JSONText.quote(f.name, into: &out)
            out += ",\"type\":\"\(f.type.rawValue)\"}"
        }
        out += "],\"rows\":["
        for r in 0..<table.rowCount {
            if r > 0 { out += "," }
            out += "["
            for (c, column) in table.columns.enumerated() {
                if c > 0 { out += "," }
                encode(column.value(r), into: &out)
            }
            out += "]"
        }
        out += "]"
        if let t = truncation {
            out += ",\"truncation\":{\"code\":"
            JSONText.quote(t.code.rawValue, into: &out)
            out += ",\"limit\":"
            JSONText.quote(t.limit.rawValue, into: &out)
            out += ",\"maximum\":\(t.maximum),\"rows\":\(t.keptRows),\"total_rows\":\(t.totalRows),\"message\":"
            JSONText.quote(t.message, into: &out)
            out += "}"
        }
        return out + "}"
    }

    /// The record that follows a table that ends in `render`: `{"visualization":{"Visualization":"timechart",...}}`,
    /// ADX's Visualization property bag (`Visualization.adxPropertyBag`, as the REST API's `@ExtendedProperties`).
    public static func visualizationLine(_ visualization: Visualization) -> String {
        "{\"visualization\":" + visualization.adxPropertyBagJSON + "}"
    }

    /// The record that follows a table whose plugins printed something: `{"python_output":"..."}`.
    public static func pluginOutputLine(_ text: String) -> String {
        "{\"python_output\":" + JSONText.quoted(text) + "}"
    }

    /// Appends `v` as the Kusto REST API v2 writes a cell (see the type's comment); the server uses it too.
    public static func encode(_ v: Value, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let x): out += String(x)
        case .long(let x): out += String(x)
        case .real(let x): out += RealFormat.json(x)
        case .decimal(let d): JSONText.quote(d.description, into: &out)
        case .datetime(let t): JSONText.quote(DateTimeFormat.iso8601(t, fractionDigits: 7), into: &out)
        case .timespan(let t): JSONText.quote(TimespanFormat.string(t), into: &out)
        case .guid(let g): JSONText.quote(g.uuidString.lowercased(), into: &out)
        case .string(let s): JSONText.quote(s, into: &out)
        case .dynamic(let d): out += d.jsonText
        }
    }
}

extension JSONResultFormatter {
    /// The record after the tables of one query: `{"statistics":{"ExecutionTime":0.012,"dataset_statistics":
    /// [{"table_row_count":3}]}}`, with the names ADX's `QueryResourceConsumption` payload uses (the
    /// query's elapsed seconds, and the rows of each result table in order).
    public static func statisticsLine(elapsed: Duration, tables: [Table]) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var out = "{\"statistics\":{\"ExecutionTime\":"
        encode(.real(seconds), into: &out)
        out += ",\"dataset_statistics\":["
        out += tables.map { "{\"table_row_count\":\($0.rowCount)}" }.joined(separator: ",")
        return out + "]}}"
    }
}
