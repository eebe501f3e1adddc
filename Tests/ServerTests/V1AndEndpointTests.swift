import Foundation
import Testing
@testable import Server

/// `/v1/rest/query`, `/v1/rest/mgmt`, the small endpoints, CORS, ids and errors.
@Suite struct V1AndEndpointTests {
    @Test func v1QueryHasATableOfContents() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post("/v1/rest/query", "print x = 1 | render barchart")
            let tables = try #require((reply.json as? [String: Any])?["Tables"] as? [[String: Any]])
            #expect(tables.count == 4)
            let toc = tables[3]
            #expect(
                (toc["Columns"] as? [[String: String]])?.map { $0["ColumnName"] ?? "" } == [
                    "Ordinal", "Kind", "Name", "Id", "PrettyName",
                ])
            let entries = try #require(toc["Rows"] as? [[Any]])
            #expect(entries.map { $0[1] as? String } == ["QueryResult", "QueryProperties", "QueryStatus"])
            #expect(entries.map { $0[2] as? String } == ["PrimaryResult", "@ExtendedProperties", "QueryStatus"])
            #expect(
                (tables[0]["Columns"] as? [[String: String]])?.first == [
                    "ColumnName": "x", "DataType": "Int64", "ColumnType": "long",
                ])
            let visualization = (tables[1]["Rows"] as? [[String]])?.first?.first ?? ""
            #expect(visualization.contains(#""Visualization":"barchart""#))
        }
    }

    @Test func managementAnswersExactlyOneTable() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.post(
                "/v1/rest/mgmt", ".show tables | where TableName startswith 'S' | project TableName")
            let tables = try #require((reply.json as? [String: Any])?["Tables"] as? [[String: Any]])
            #expect(tables.count == 1)
            #expect((tables[0]["Rows"] as? [[String]]) == [["StormEvents"], ["Sales"]])
        }
    }

    @Test func smallEndpointsAndIds() async throws {
        try await ServerHarness.with { server in
            let metadata = try await server.send("GET", "/v1/rest/auth/metadata")
            #expect(String(decoding: metadata.body, as: UTF8.self) == #"{"AzureAD":null,"dSTS":null}"#)
            let ping = try await server.send("GET", "/v1/rest/ping", headers: ["x-ms-client-request-id": "Test;1"])
            #expect(ping.status == 200)
            #expect(ping.header("x-ms-client-request-id") == "Test;1")
            #expect(UUID(uuidString: ping.header("x-ms-activity-id") ?? "") != nil)
            let missing = try await server.send("GET", "/v2/rest/nothing")
            #expect(missing.status == 404)
        }
    }

    @Test func corsPreflightEchoesAndAnswersPrivateNetwork() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(
                "OPTIONS", "/v2/rest/query",
                headers: [
                    "Origin": "https://dataexplorer.azure.com", "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "authorization,content-type,x-ms-app",
                    "Access-Control-Request-Private-Network": "true",
                ])
            #expect(reply.status == 204)
            #expect(reply.header("Access-Control-Allow-Origin") == "https://dataexplorer.azure.com")
            #expect(reply.header("Access-Control-Allow-Headers") == "authorization,content-type,x-ms-app")
            #expect(reply.header("Access-Control-Allow-Private-Network") == "true")
            let stranger = try await server.send(
                "OPTIONS", "/v2/rest/query", headers: ["Origin": "https://example.com"])
            #expect(stranger.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func errorsAreOneApiErrorsWithTheirStatus() async throws {
        try await ServerHarness.with { server in
            let parse = try await server.post("/v2/rest/query", "print x = ")
            #expect(parse.status == 400)
            let error = try #require((parse.json as? [String: Any])?["error"] as? [String: Any])
            #expect(error["code"] as? String == "General_BadRequest")
            #expect(error["@permanent"] as? Bool == true)
            #expect((error["innererror"] as? [String: Any])?["code"] as? String == "E_PARSE")
            #expect((error["@message"] as? String)?.contains("1:") == true)
            let database = try await server.post("/v2/rest/query", "print 1", db: "Elsewhere")
            #expect(database.status == 400)
            #expect(
                ((database.json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String
                    == "there is no database 'Elsewhere'")
            let notJSON = try await server.send("POST", "/v2/rest/query", body: Data("csl=print 1".utf8))
            #expect(notJSON.status == 400)
        }
    }

    @Test func limitsOnRequestAndResponse() async throws {
        try await ServerHarness.with(ServerConfiguration(port: 0, maxRequestBytes: 100, maxResponseBytes: 2_000)) {
            server in
            let big = try await server.post("/v2/rest/query", "print '" + String(repeating: "x", count: 200) + "'")
            #expect(big.status == 413)
            let long = try await server.post("/v2/rest/query", "range x from 1 to 1000 step 1")
            #expect(long.status == 413)
            #expect(
                ((long.json as? [String: Any])?["error"] as? [String: Any])?["@type"] as? String
                    == "Sandpiper.E_REQUEST_TOO_LARGE")
        }
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        try await ServerHarness.with(ServerConfiguration(port: 0, token: "s3cret")) { server in
            let without = try await server.post("/v2/rest/query", "print 1")
            #expect(without.status == 401)
            let wrong = try await server.post("/v2/rest/query", "print 1", headers: ["Authorization": "Bearer s3creT"])
            #expect(wrong.status == 401)
            let right = try await server.post("/v2/rest/query", "print 1", headers: ["Authorization": "Bearer s3cret"])
            #expect(right.status == 200)
        }
        #expect(throws: ServerError.self) {
            try KustoServer(
                configuration: ServerConfiguration(host: "0.0.0.0", port: 0), engine: ServerHarness.sampleEngine())
        }
    }
}
