import Foundation
import Testing
@testable import Server

/// The ADX web UI and Kusto Explorer cannot run here; their connection sequence — CORS preflights from the
/// web UI's origin (with Chrome's private-network request), then the management commands the issue lists
/// (`.show version`, `.show databases`, `.show databases entities`, the schema commands, `.show functions`,
/// `.show materialized-views`, `.show cluster`) — is replayed, and every answer's shape checked against the
/// columns ADX's management reference gives. This is a reconstruction from those lists, not a capture.
@Suite struct ConnectSequenceTests {
    static let origin = "https://dataexplorer.azure.com"

    func mgmt(_ server: ServerHarness, _ command: String) async throws -> (columns: [String], rows: [[Any]]) {
        let preflight = try await server.send(
            "OPTIONS", "/v1/rest/mgmt",
            headers: [
                "Origin": Self.origin, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers":
                    "authorization,content-type,x-ms-app,x-ms-client-request-id,x-ms-client-version",
                "Access-Control-Request-Private-Network": "true",
            ])
        #expect(preflight.status == 204 && preflight.header("Access-Control-Allow-Origin") == Self.origin)
        #expect(preflight.header("Access-Control-Allow-Private-Network") == "true")
        let reply = try await server.post(
            "/v1/rest/mgmt", command, headers: ["Origin": Self.origin, "x-ms-app": "Kusto.WebExplorer"])
        #expect(reply.status == 200, "\(command): \(String(decoding: reply.body, as: UTF8.self))")
        #expect(reply.header("Access-Control-Allow-Origin") == Self.origin)
        #expect(reply.header("Access-Control-Expose-Headers")?.contains("x-ms-client-request-id") == true)
        let tables = (reply.json as? [String: Any])?["Tables"] as? [[String: Any]] ?? []
        #expect(tables.count == 1, "\(command)")
        let columns = (tables.first?["Columns"] as? [[String: String]])?.compactMap { $0["ColumnName"] } ?? []
        return (columns, tables.first?["Rows"] as? [[Any]] ?? [])
    }

    @Test func webUIAndKustoExplorerConnect() async throws {
        try await ServerHarness.with { server in
            let metadata = try await server.send("GET", "/v1/rest/auth/metadata", headers: ["Origin": Self.origin])
            #expect(metadata.status == 200)

            let version = try await mgmt(server, ".show version")
            #expect(version.columns == ["BuildVersion", "BuildTime", "ServiceType", "ProductVersion"])

            let databases = try await mgmt(server, ".show databases")
            #expect(
                databases.columns == [
                    "DatabaseName", "PersistentStorage", "Version", "IsCurrent", "DatabaseAccessMode", "PrettyName",
                    "CurrentUserIsUnrestrictedViewer", "DatabaseId", "InTransitionTo",
                ])
            #expect(databases.rows.first?.first as? String == "Sandpiper")

            let entities = try await mgmt(
                server,
                #".show databases entities with (showObfuscatedStrings=true) | where DatabaseName == "Sandpiper" | project DatabaseName, EntityType, EntityName, CslOutputSchema"#
            )
            #expect(entities.columns == ["DatabaseName", "EntityType", "EntityName", "CslOutputSchema"])
            #expect(entities.rows.count == 4 && entities.rows.allSatisfy { $0[1] as? String == "Table" })

            for command in [
                ".show database Sandpiper schema as json",
                ".show databases (Sandpiper) schema as json with (Tables=True, Functions=True)",
                ".show databases schema as json",
            ] {
                let schema = try await mgmt(server, command)
                #expect(schema.columns == ["DatabaseSchema"])
                let document =
                    try JSONSerialization.jsonObject(with: Data((schema.rows.first?.first as? String ?? "").utf8))
                    as? [String: Any]
                let db = (document?["Databases"] as? [String: Any])?["Sandpiper"] as? [String: Any]
                #expect(
                    (db?["Tables"] as? [String: Any])?.keys.sorted() == [
                        "Customers", "Events", "Sales", "StormEvents",
                    ], "\(command)")
            }

            let kqlmagicSchema = try await mgmt(server, ".show database ['Sandpiper'] schema")
            #expect(
                Array(kqlmagicSchema.columns.prefix(4)) == ["DatabaseName", "TableName", "ColumnName", "ColumnType"])

            let functions = try await mgmt(server, ".show functions")
            #expect(
                functions.columns == ["Name", "Parameters", "Body", "Folder", "DocString"] && functions.rows.isEmpty)
            let views = try await mgmt(server, ".show materialized-views")
            #expect(views.columns.first == "Name" && views.rows.isEmpty)
            let cluster = try await mgmt(server, ".show cluster")
            #expect(cluster.columns.first == "NodeId" && cluster.rows.count == 1)
            let tables = try await mgmt(server, ".show tables")
            #expect(tables.columns == ["TableName", "DatabaseName", "Folder", "DocString"])
        }
    }
}
