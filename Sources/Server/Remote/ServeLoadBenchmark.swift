import Foundation
import KQLEngine

/// `sandpiper bench serve`: queries per second and p50/p99 latency of `sandpiper serve` (or any Kusto
/// endpoint) for three queries — `print`, a summarize over 10,000 rows, and a one-row `python()` — at
/// each number of concurrent clients, every answer checked.
public enum ServeLoadBenchmark {
    /// The measured queries: a name, the text, and the first cell every answer must hold.
    public static let queries: [(name: String, query: String, expected: String)] = [
        ("print", "print x = 1", "1"),
        ("summarize-10k", "range x from 1 to 10000 step 1 | summarize n = count(), s = sum(x)", "10000"),
        (
            "python-1-row",
            #"print x = 1 | evaluate python(typeof(y:long), 'result = df.assign(y = df["x"] + 1)[["y"]]')"#, "2"
        ),
    ]

    /// One measurement per query and client count against `generator`'s endpoint; `requests` per
    /// measurement, after a warm-up of one request per client.
    public static func measure(
        _ generator: LoadGenerator, clients: [Int], requests: Int, only: String? = nil,
        progress: (String) -> Void = { _ in }
    ) async -> [(String, LoadGenerator.Result)] {
        var out: [(String, LoadGenerator.Result)] = []
        for q in queries where only == nil || q.name == only {
            for c in clients {
                progress("bench serve: \(q.name) with \(c) client\(c == 1 ? "" : "s")")
                _ = await generator.run(q.query, clients: c, requests: c, expected: q.expected)
                out.append((q.name, await generator.run(q.query, clients: c, requests: requests, expected: q.expected)))
            }
        }
        return out
    }

    /// Serves `engine` on a free loopback port for the length of `body`.
    public static func withLocalServer<T: Sendable>(
        _ engine: Engine, maxConcurrentQueries: Int,
        _ body: @Sendable (URL) async -> T
    ) async throws -> T {
        let server = try KustoServer(
            configuration: ServerConfiguration(port: 0, maxConcurrentQueries: maxConcurrentQueries), engine: engine)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(logLevel: .critical) { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerError(.request, "the server did not start") }
        let result = await body(URL(string: "http://127.0.0.1:\(port)")!)
        task.cancel()
        _ = await task.result
        return result
    }

    /// The positive counts of a comma-separated list (`--clients 1,8,64`); anything else is left out.
    public static func clientCounts(_ list: String) -> [Int] {
        list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
    }

    /// The first three fields of `/proc/loadavg` (the 1, 5 and 15 minute load averages), or `unknown`.
    public static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// A table of the results, with the machine's load average when the run ended (the numbers mean
    /// little on a busy machine, so the report says how busy it was).
    public static func report(_ results: [(String, LoadGenerator.Result)], loadAverage: String) -> String {
        var lines = ["query           clients  requests  errors    queries/s    p50 ms    p99 ms"]
        for (name, r) in results {
            lines.append(
                name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(
                        format: "%7d  %8d  %6d  %11.1f  %8.2f  %8.2f", r.clients, r.requests, r.errors,
                        r.queriesPerSecond,
                        r.percentile(50) * 1000, r.percentile(99) * 1000))
        }
        lines.append("load average at the end: \(loadAverage)")
        return lines.joined(separator: "\n")
    }
}
