import Foundation
import Testing
@testable import Server

/// `POST /v2/rest/query`: the frames ADX's v2 response reference lists, in its order.
@Suite struct V2QueryTests {
    @Test func framesOfAQuery() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post("/v2/rest/query", #"print x = 1, s = "a", d = dynamic({"k":[1,2]})"#)
            #expect(reply.status == 200)
            let frames = ServerHarness.frames(reply)
            #expect(
                frames.map { $0["FrameType"] as? String } == [
                    "DataSetHeader", "DataTable", "DataTable", "DataTable", "DataSetCompletion",
                ])
            #expect(frames.first?["Version"] as? String == "v2.0")
            #expect(frames.first?["IsProgressive"] as? Bool == false)
            #expect(
                frames.dropFirst().prefix(3).map { $0["TableKind"] as? String } == [
                    "QueryProperties", "PrimaryResult", "QueryCompletionInformation",
                ])
            let primary = try #require(ServerHarness.tables(reply, kind: "PrimaryResult").first)
            let columns = primary["Columns"] as? [[String: String]]
            #expect(
                columns == [
                    ["ColumnName": "x", "ColumnType": "long"], ["ColumnName": "s", "ColumnType": "string"],
                    ["ColumnName": "d", "ColumnType": "dynamic"],
                ])
            let row = try #require((primary["Rows"] as? [[Any]])?.first)
            #expect(row[0] as? Int == 1 && row[1] as? String == "a")
            // v2 writes a dynamic cell as nested JSON, not as a string.
            #expect((row[2] as? [String: Any])?["k"] as? [Int] == [1, 2])
            #expect(frames.last?["HasErrors"] as? Bool == false && frames.last?["Cancelled"] as? Bool == false)
            let completion = try #require(ServerHarness.tables(reply, kind: "QueryCompletionInformation").first)
            let names = (completion["Columns"] as? [[String: String]])?.compactMap { $0["ColumnName"] }
            #expect(
                names?.contains("Level") == true && names?.contains("Payload") == true
                    && names?.contains("EventTypeName") == true)
        }
    }

    @Test func onePrimaryResultPerStatementAndTheRenderRow() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post(
                "/v2/rest/query",
                "print a = 1; range x from 1 to 3 step 1 | extend y = x * 2 | render timechart with (title = 'T', ycolumns = y)"
            )
            let primaries = ServerHarness.tables(reply, kind: "PrimaryResult")
            #expect(primaries.count == 2)
            #expect(primaries.map { $0["TableId"] as? Int } == [1, 2])
            let properties = try #require(ServerHarness.tables(reply, kind: "QueryProperties").first)
            #expect(properties["TableName"] as? String == "@ExtendedProperties")
            let rows = try #require(properties["Rows"] as? [[Any]])
            #expect(rows.count == 1)
            // The Visualization row names the result it belongs to: the second statement's table.
            #expect(rows.first?[0] as? Int == 2 && rows.first?[1] as? String == "Visualization")
            let value = try #require(rows.first?[2] as? String)
            let visualization = try #require(try JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any])
            #expect(visualization["Visualization"] as? String == "timechart")
            #expect(visualization["Title"] as? String == "T")
            #expect(visualization["YColumns"] as? String == "y")
            #expect(visualization.keys.contains("XColumn") && visualization["XColumn"] is NSNull)
        }
    }

    @Test func propertiesAsStringOrObjectWithParametersAndOptions() async throws {
        try await ServerHarness.with { server in
            let query = "declare query_parameters(n:long, s:string, d:datetime); print n, s, d"
            let parameters: [String: Any] = ["n": 10, "s": "it's", "d": "datetime(2024-01-02)"]
            let asObject = try await server.post("/v2/rest/query", query, properties: ["Parameters": parameters])
            let asString = try await server.post(
                "/v2/rest/query", query,
                properties: String(
                    decoding: try JSONSerialization.data(withJSONObject: [
                        "Options": ["unknown_option": 1], "Parameters": parameters,
                    ]), as: UTF8.self))
            for reply in [asObject, asString] {
                #expect(reply.status == 200)
                let row = (ServerHarness.tables(reply, kind: "PrimaryResult").first?["Rows"] as? [[Any]])?.first
                #expect(row?[0] as? Int == 10)
                #expect(row?[1] as? String == "it's")
                #expect(row?[2] as? String == "2024-01-02T00:00:00.0000000Z")
            }
        }
    }

    @Test func truncationIsAnInDataErrorAsADXReportsAPartialResult() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post(
                "/v2/rest/query", "range x from 1 to 10 step 1",
                properties: ["Options": ["truncationmaxrecords": 3]])
            #expect(reply.status == 200)
            let rows = try #require(ServerHarness.tables(reply, kind: "PrimaryResult").first?["Rows"] as? [Any])
            #expect(rows.count == 4)
            let error = try #require(rows.last as? [String: Any])
            let inner =
                ((error["OneApiErrors"] as? [[String: Any]])?.first?["error"] as? [String: Any])?["innererror"]
                as? [String: Any]
            #expect(inner?["code"] as? String == "E_QUERY_RESULT_SET_TOO_LARGE")
            #expect(ServerHarness.frames(reply).last?["HasErrors"] as? Bool == true)
        }
    }

    @Test func progressiveFramesWhenAsked() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post(
                "/v2/rest/query", "range x from 1 to 2 step 1",
                properties: ["Options": ["results_progressive_enabled": true]])
            let kinds = ServerHarness.frames(reply).map { $0["FrameType"] as? String ?? "" }
            #expect(
                kinds == [
                    "DataSetHeader", "DataTable", "TableHeader", "TableFragment", "TableCompletion", "DataTable",
                    "DataSetCompletion",
                ])
            let fragment = ServerHarness.frames(reply)[3]
            #expect((fragment["Rows"] as? [[Int]]) == [[1], [2]])
            #expect(ServerHarness.frames(reply)[4]["RowCount"] as? Int == 2)
        }
    }
}
