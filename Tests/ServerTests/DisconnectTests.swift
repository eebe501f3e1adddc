import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
@testable import Server

/// A client that goes away cancels its query (`E_CANCELLED`), and a client that keeps its connection
/// open gets every answer on it (keep-alive).
@Suite struct DisconnectTests {
    /// The query sleeps in python() for ten minutes, so it cannot finish before the client leaves: the
    /// request must end cancelled, and the script's processes must be gone long before it could end.
    @Test(.enabled(if: ServerTestSandbox.available, ServerTestSandbox.skip))
    func closingTheConnectionCancelsTheQuery() async throws {
        let (engine, plugins) = ServerTestSandbox.engine()
        defer { plugins.shutdown() }
        try await ServerHarness.with(engine: engine) { server in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/v2/rest/query")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(
                #"{"db":"Sandpiper","csl":"print x = 1 | evaluate python(typeof(*), 'import time\\ntime.sleep(600)\\nresult = df')"}"#
                    .utf8)
            let session = URLSession(configuration: .ephemeral)
            let task = session.dataTask(with: request)
            task.resume()
            // The script runs once its query child exists (the first call also starts the warm worker).
            var script: [Int32] = []
            let started = Date().addingTimeInterval(120)
            while script.isEmpty && Date() < started {
                script = plugins.supervisor.runningQueryPids
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            #expect(!script.isEmpty, "the python() script never started")
            try await Task.sleep(nanoseconds: 300_000_000)
            task.cancel()
            session.invalidateAndCancel()
            let deadline = Date().addingTimeInterval(60)
            while (server.statistics.snapshot.cancelled == 0 || !plugins.supervisor.runningQueryPids.isEmpty)
                && server.statistics.snapshot.answered == 0 && Date() < deadline
            {
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            #expect(server.statistics.snapshot.cancelled == 1, "\(server.statistics.snapshot)")
            #expect(server.statistics.snapshot.answered == 0)
            #expect(plugins.supervisor.runningQueryPids.isEmpty)
            for pid in script { #expect(!Self.isRunning(pid), "the script's process \(pid) outlived its request") }
        }
    }

    /// Alive and not a zombie (a killed process its parent has not reaped yet counts as gone).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
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
