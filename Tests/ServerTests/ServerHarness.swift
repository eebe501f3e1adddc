import Columnar
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import KQLEngine
@testable import Server

/// Runs a `KustoServer` on a free loopback port for one test and sends it HTTP requests.
struct ServerHarness {
    let port: Int
    /// The running server's counts of answered, failed and cancelled requests.
    let statistics: ServerStatistics

    /// The sample database at a fixed clock, so answers do not depend on when the test runs.
    static func sampleEngine() -> Engine {
        let now = DateTimeFormat.parse("2025-01-01T00:00:00Z")!
        return Engine(database: SampleDatabase.make(now: now), now: { now })
    }

    static func with(
        _ configuration: ServerConfiguration = ServerConfiguration(port: 0), engine: Engine = sampleEngine(),
        _ body: (ServerHarness) async throws -> Void
    ) async throws {
        let server = try KustoServer(configuration: configuration, engine: engine)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(logLevel: .critical) { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerError(.request, "the server did not start") }
        do { try await body(ServerHarness(port: port, statistics: server.statistics)) } catch {
            task.cancel(); _ = await task.result; throw error
        }
        task.cancel()
        _ = await task.result
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws
        -> Reply
    {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if body != nil, headers["Content-Type"] == nil {
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h["\(k)"] = "\(v)" }
        return Reply(status: http.statusCode, headers: h, body: data)
    }

    /// POSTs `{"db":db,"csl":csl,"properties":properties}` to `path`.
    func post(
        _ path: String, _ csl: String, db: String = "Sandpiper", properties: Any? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var body: [String: Any] = ["db": db, "csl": csl]
        if let properties { body["properties"] = properties }
        return try await send("POST", path, body: try JSONSerialization.data(withJSONObject: body), headers: headers)
    }

    /// The frames of a v2 answer.
    static func frames(_ reply: Reply) -> [[String: Any]] { (reply.json as? [[String: Any]]) ?? [] }

    /// The DataTable frames of kind `kind`.
    static func tables(_ reply: Reply, kind: String) -> [[String: Any]] {
        frames(reply).filter { $0["FrameType"] as? String == "DataTable" && $0["TableKind"] as? String == kind }
    }
}
