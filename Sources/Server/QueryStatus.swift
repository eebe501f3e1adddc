import Columnar
import Foundation
import KQLEngine

/// The status tables of an answer: v2's `QueryCompletionInformation` and v1's `QueryStatus`, with the
/// columns the clients read (`Level`/`Payload`/`EventTypeName` in v2, `Severity`/`StatusDescription` in v1).
enum QueryStatus {
    /// `Timestamp, ClientRequestId, ActivityId, SubActivityId, ParentActivityId, Level, LevelName, StatusCode,
    /// StatusCodeName, EventType, EventTypeName, Payload`.
    static let completionSchema = Schema([
        Field("Timestamp", .datetime), Field("ClientRequestId", .string), Field("ActivityId", .guid),
        Field("SubActivityId", .guid), Field("ParentActivityId", .guid), Field("Level", .int),
        Field("LevelName", .string),
        Field("StatusCode", .int), Field("StatusCodeName", .string), Field("EventType", .int),
        Field("EventTypeName", .string),
        Field("Payload", .string),
    ])

    /// One `QueryInfo` row (level 4, Info) for a complete answer, or a level-2 (Error) row per partial
    /// result; and a `QueryResourceConsumption` row with the execution time and what python() printed.
    static func completionInformation(_ result: QueryResult, errors: [OneApiError], context: ResponseContext) -> Table {
        let now = Value.datetime(Int64(Date().timeIntervalSince1970 * 1e9))
        let activity = Value.guid(UUID(uuidString: context.activityID) ?? UUID())
        func row(
            _ level: Int32, _ levelName: String, _ status: Int32, _ statusName: String, _ event: Int32,
            _ eventName: String,
            _ payload: String
        ) -> [Value] {
            [
                now, .string(context.clientRequestID), activity, activity, activity, .int(level), .string(levelName),
                .int(status),
                .string(statusName), .int(event), .string(eventName), .string(payload),
            ]
        }
        var rows: [[Value]] = []
        if errors.isEmpty {
            rows.append(
                row(4, "Info", 0, "S_OK (0)", 4, "QueryInfo", #"{"Count":1,"Text":"Query completed successfully"}"#))
        } else {
            for e in errors {
                rows.append(
                    row(
                        2, "Error", -2_133_196_797, "LimitsExceeded", 4, "QueryInfo",
                        Dynamic.bag(PropertyBag([("Count", .long(1)), ("Text", .string(e.message))])).jsonText))
            }
        }
        let seconds = Date().timeIntervalSince(context.start)
        var consumption: [(String, Dynamic)] = [("ExecutionTime", .real(seconds))]
        let printed = result.tables.flatMap(\.pluginOutput).joined()
        if !printed.isEmpty { consumption.append(("PythonOutput", .string(printed))) }
        rows.append(
            row(4, "Info", 0, "S_OK (0)", 5, "QueryResourceConsumption", Dynamic.bag(PropertyBag(consumption)).jsonText)
        )
        return table(completionSchema, rows)
    }

    /// v1's `QueryStatus`: `Timestamp, Severity, SeverityName, StatusCode, StatusDescription, Count, RequestId,
    /// ActivityId, SubActivityId, ClientActivityId`.
    static func v1Status(_ result: QueryResult, context: ResponseContext) -> Table {
        let schema = Schema([
            Field("Timestamp", .datetime), Field("Severity", .int), Field("SeverityName", .string),
            Field("StatusCode", .int),
            Field("StatusDescription", .string), Field("Count", .int), Field("RequestId", .guid),
            Field("ActivityId", .guid),
            Field("SubActivityId", .guid), Field("ClientActivityId", .string),
        ])
        let activity = Value.guid(UUID(uuidString: context.activityID) ?? UUID())
        let now = Value.datetime(Int64(Date().timeIntervalSince1970 * 1e9))
        let truncated = result.tables.compactMap(\.truncation)
        let rows: [[Value]] =
            truncated.isEmpty
            ? [
                [
                    now, .int(4), .string("Info"), .int(0), .string("Query completed successfully"), .int(1), activity,
                    activity, activity,
                    .string(context.clientRequestID),
                ]
            ]
            : truncated.map { t in
                [
                    now, .int(2), .string("Error"), .int(-2_133_196_797), .string(t.message), .int(1), activity,
                    activity, activity,
                    .string(context.clientRequestID),
                ]
            }
        return table(schema, rows)
    }

    static func table(_ schema: Schema, _ rows: [[Value]]) -> Table {
        Table(
            schema: schema,
            columns: schema.fields.indices.map { c in Column(type: schema.fields[c].type, values: rows.map { $0[c] }) },
            rowCount: rows.count)
    }
}
