import Charts
import Columnar
import Foundation
import KQLEngine

/// The body of a v1 answer, `{"Tables":[...]}`: for `/v1/rest/query` each result table (`Table_0`, ...),
/// then `@ExtendedProperties` (one `Value` string per `render`), `QueryStatus` and the table of contents
/// (`Ordinal, Kind, Name, Id, PrettyName`) that Grafana and kqlmagic read to find the primary results;
/// for `/v1/rest/mgmt` exactly one table, the command's. v1 writes a dynamic cell as its JSON text.
enum V1Response {
    static func query(_ result: QueryResult, context: ResponseContext) -> String {
        var tables: [(name: String, kind: String, tocName: String, table: Table)] = []
        for (i, t) in result.tables.enumerated() {
            tables.append(("Table_\(i)", "QueryResult", "PrimaryResult", t.table))
        }
        let visualizations = result.tables.compactMap(\.table.visualization).map { $0.adxPropertyBagJSON }
        let properties = Table([("Value", Column(strings: visualizations))])
        tables.append(("Table_\(tables.count)", "QueryProperties", "@ExtendedProperties", properties))
        tables.append(
            ("Table_\(tables.count)", "QueryStatus", "QueryStatus", QueryStatus.v1Status(result, context: context)))
        let toc = Table([
            ("Ordinal", Column(type: .long, int64s: tables.indices.map { Int64($0) })),
            ("Kind", Column(strings: tables.map(\.kind))),
            ("Name", Column(strings: tables.map(\.tocName))),
            ("Id", Column(strings: tables.map { _ in UUID().uuidString.lowercased() })),
            ("PrettyName", Column(strings: tables.map { _ in "" })),
        ])
        tables.append(("Table_\(tables.count)", "", "", toc))
        return write(tables.map { ($0.name, $0.table) })
    }

    /// A command's answer: its (last) result table alone.
    static func management(_ result: QueryResult) -> String {
        write([("Table_0", result.tables.last?.table ?? Table([]))])
    }

    private static func write(_ tables: [(String, Table)]) -> String {
        var w = JSONWriter(reserving: 4096)
        w.raw("{\"Tables\":[")
        for (i, (name, table)) in tables.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"TableName\":"); w.string(name)
            w.raw(",\"Columns\":"); w.columns(table.schema, dataType: true)
            w.raw(",\"Rows\":"); w.rows(table, dynamicAsText: true)
            w.raw("}")
        }
        w.raw("]}")
        return w.text
    }
}
