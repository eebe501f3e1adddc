import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A bounded loopback load generator for a Kusto endpoint: `clients` concurrent clients each send the same
/// query to `/v2/rest/query` back to back until `requests` have been sent in all, and every answer is
/// checked (HTTP 200, and the first primary result's first cell equal to `expected` when given), so a
/// fast wrong answer counts as an error, not as throughput.
public struct LoadGenerator: Sendable {
    public var url: URL
    public var database: String
    public var token: String?

    public init(url: URL, database: String, token: String? = nil) {
        self.url = url; self.database = database; self.token = token
    }

    /// What one run measured.
    public struct Result: Sendable {
        public var clients: Int
        public var requests: Int
        public var errors: Int
        public var seconds: Double
        /// Latencies of the successful requests, in seconds, sorted.
        public var latencies: [Double]
        public var queriesPerSecond: Double { seconds > 0 ? Double(requests - errors) / seconds : 0 }
        public func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            // The nearest-rank percentile: the smallest latency at least p% of the requests did not exceed.
            let rank = Int((p / 100 * Double(latencies.count)).rounded(.up))
            return latencies[min(max(rank - 1, 0), latencies.count - 1)]
        }
    }

    /// Sends `requests` requests of `query` from `clients` concurrent clients.
    public func run(_ query: String, clients: Int, requests: Int, expected: String? = nil) async -> Result {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(clients, 1)
        configuration.timeoutIntervalForRequest = 600
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url.appendingPathComponent("v2/rest/query"))
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        request.httpBody = try? JSONSerialization.data(withJSONObject: ["db": database, "csl": query])
        let prepared = request
        let counter = Counter(limit: requests)
        let start = Date()
        let outcomes = await withTaskGroup(of: [(Double, Bool)].self) { group in
            for _ in 0..<max(clients, 1) {
                group.addTask {
                    var mine: [(Double, Bool)] = []
                    while counter.take() {
                        let t0 = Date()
                        var ok = false
                        if let (data, response) = try? await session.data(for: prepared),
                            (response as? HTTPURLResponse)?.statusCode == 200
                        {
                            ok = expected.map { Self.firstCell(data) == $0 } ?? true
                        }
                        mine.append((Date().timeIntervalSince(t0), ok))
                    }
                    return mine
                }
            }
            var all: [(Double, Bool)] = []
            for await part in group { all += part }
            return all
        }
        let seconds = Date().timeIntervalSince(start)
        return Result(
            clients: clients, requests: outcomes.count, errors: outcomes.filter { !$0.1 }.count, seconds: seconds,
            latencies: outcomes.filter(\.1).map(\.0).sorted())
    }

    /// The first cell of the first PrimaryResult, as text (numbers and strings).
    static func firstCell(_ data: Data) -> String? {
        guard let frames = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]],
            let primary = frames.first(where: { $0["TableKind"] as? String == "PrimaryResult" }),
            let row = (primary["Rows"] as? [[Any]])?.first, let cell = row.first
        else { return nil }
        return "\(cell)"
    }

    /// Hands out request slots until `limit` are taken.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        let limit: Int
        init(limit: Int) { self.limit = limit }
        func take() -> Bool {
            lock.lock(); defer { lock.unlock() }; if taken >= limit { return false }; taken += 1; return true
        }
    }
}
