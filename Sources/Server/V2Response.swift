import Charts
import Columnar
import Foundation
import KQLEngine

/// The body of a `/v2/rest/query` answer: a JSON array of frames — `DataSetHeader`, the
/// `@ExtendedProperties` table (`QueryProperties`: one `Visualization` row per result that ended in
/// `render`, whose `TableId` is that result's), one `PrimaryResult` per result table,
/// `QueryCompletionInformation`, and `DataSetCompletion` — as ADX's v2 response reference describes.
///
/// With `progressive` each primary result is a `TableHeader`, one `TableFragment` (`DataAppend`) and a
/// `TableCompletion` instead of one `DataTable`, as clients that set `results_progressive_enabled` expect.
/// A truncated result ends with an in-data error row and the completion frame says `HasErrors`, which is
/// how ADX reports a partial result (the clients raise it).
enum V2Response {
    static func write(_ result: QueryResult, progressive: Bool, context: ResponseContext) -> String {
        var w = JSONWriter(reserving: 4096)
        w.raw("[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":\(progressive),\"Version\":\"v2.0\",")
        w.raw("\"IsFragmented\":false,\"ErrorReportingPlacement\":\"InData\"}")

        // TableIds: 0 the properties, 1...n the primary results, n+1 the completion information.
        w.raw(
            ",{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\",\"TableName\":\"@ExtendedProperties\","
        )
        w.raw(
            "\"Columns\":[{\"ColumnName\":\"TableId\",\"ColumnType\":\"int\"},{\"ColumnName\":\"Key\",\"ColumnType\":\"string\"},"
        )
        w.raw("{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],\"Rows\":[")
        var first = true
        for (i, t) in result.tables.enumerated() {
            guard let v = t.table.visualization else { continue }
            w.raw(first ? "[" : ",[")
            first = false
            w.raw("\(i + 1),\"Visualization\",")
            w.string(v.adxPropertyBagJSON)
            w.raw("]")
        }
        w.raw("]}")

        var errors: [OneApiError] = []
        for (i, t) in result.tables.enumerated() {
            let id = i + 1
            let truncation = t.truncation.map { OneApiError($0) }
            if let truncation { errors.append(truncation) }
            if progressive {
                w.raw(
                    ",{\"FrameType\":\"TableHeader\",\"TableId\":\(id),\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\",\"Columns\":"
                )
                w.columns(t.table.schema)
                w.raw(
                    "},{\"FrameType\":\"TableFragment\",\"TableFragmentType\":\"DataAppend\",\"TableId\":\(id),\"Rows\":"
                )
                rows(&w, t.table, error: truncation, context: context)
                w.raw("},{\"FrameType\":\"TableCompletion\",\"TableId\":\(id),\"RowCount\":\(t.table.rowCount)}")
            } else {
                w.raw(
                    ",{\"FrameType\":\"DataTable\",\"TableId\":\(id),\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\",\"Columns\":"
                )
                w.columns(t.table.schema)
                w.raw(",\"Rows\":")
                rows(&w, t.table, error: truncation, context: context)
                w.raw("}")
            }
        }

        let completionID = result.tables.count + 1
        w.raw(",{\"FrameType\":\"DataTable\",\"TableId\":\(completionID),\"TableKind\":\"QueryCompletionInformation\",")
        w.raw("\"TableName\":\"QueryCompletionInformation\",\"Columns\":")
        w.columns(QueryStatus.completionSchema)
        w.raw(",\"Rows\":")
        w.rows(QueryStatus.completionInformation(result, errors: errors, context: context))
        w.raw("},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":\(!errors.isEmpty),\"Cancelled\":false")
        if !errors.isEmpty {
            w.raw(",\"OneApiErrors\":[")
            for (i, e) in errors.enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{\"error\":")
                e.writeError(&w, clientRequestID: context.clientRequestID, activityID: context.activityID)
                w.raw("}")
            }
            w.raw("]")
        }
        w.raw("}]")
        return w.text
    }

    /// The rows, then (for a truncated result) the `{"OneApiErrors":[...]}` row ADX puts in the data.
    private static func rows(_ w: inout JSONWriter, _ table: Table, error: OneApiError?, context: ResponseContext) {
        w.rows(table)
        guard let error else { return }
        w.dropLastBracket()
        if table.rowCount > 0 { w.raw(",") }
        w.raw("{\"OneApiErrors\":[{\"error\":")
        error.writeError(&w, clientRequestID: context.clientRequestID, activityID: context.activityID)
        w.raw("}]}]")
    }
}

/// What every answer repeats: the request's ids and when it started.
struct ResponseContext: Sendable {
    var clientRequestID: String
    var activityID: String
    var start: Date
}
