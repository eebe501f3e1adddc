import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
@testable import Server

/// A client that goes away cancels its query (`E_CANCELLED`), and a client that keeps its connection
/// open gets every answer on it (keep-alive).
@Suite struct DisconnectTests {
    @Test func closingTheConnectionCancelsTheQuery() async throws {
        try await ServerHarness.with { server in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/v2/rest/query")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            // Long enough (tens of millions of rows) that it is still running when the client leaves.
            request.httpBody = Data(
                #"{"db":"Sandpiper","csl":"range x from 1 to 40000000 step 1 | summarize count() by x % 1000 | count"}"#
                    .utf8)
            let session = URLSession(configuration: .ephemeral)
            let task = session.dataTask(with: request)
            task.resume()
            try await Task.sleep(nanoseconds: 500_000_000)
            task.cancel()
            session.invalidateAndCancel()
            let deadline = Date().addingTimeInterval(120)
            while server.statistics.snapshot.cancelled == 0 && server.statistics.snapshot.answered == 0
                && Date() < deadline
            {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            #expect(server.statistics.snapshot.cancelled == 1, "\(server.statistics.snapshot)")
            #expect(server.statistics.snapshot.answered == 0)
        }
    }

    @Test func keepAliveConnectionsServeManyRequests() async throws {
        try await ServerHarness.with { server in
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            for i in 1...20 {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/v2/rest/query")!)
                request.httpMethod = "POST"
                request.httpBody = Data(#"{"db":"Sandpiper","csl":"print x = \#(i)"}"#.utf8)
                let (_, response) = try await session.data(for: request)
                #expect((response as? HTTPURLResponse)?.statusCode == 200)
                #expect(
                    (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Connection")?.lowercased() != "close")
            }
            #expect(server.statistics.snapshot.answered == 20)
        }
    }
}
