import Columnar
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import KQLSyntax

/// A Kusto REST endpoint as a client sees it (`sandpiper serve`, the Kusto emulator, an ADX cluster):
/// `conformance run --target` and `bench engine --target` send their queries here instead of to an
/// embedded engine. Queries go to `/v2/rest/query`, commands (text starting with `.`) to `/v1/rest/mgmt`.
public final class KustoEndpoint: Sendable {
    public let url: URL
    public let database: String
    private let token: String?
    private let session: URLSession

    /// - Parameters:
    ///   - token: sent as `Authorization: Bearer`; nil sends none (`sandpiper serve` on loopback, the emulator).
    public init(url: URL, database: String, token: String? = nil, timeoutSeconds: Double = 600) {
        self.url = url; self.database = database; self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        session = URLSession(configuration: configuration)
    }

    /// The endpoint `--target URL` names, with the bearer token in `tokenFile` (else
    /// `$SANDPIPER_KUSTO_TOKEN`, when set).
    public static func target(_ url: URL, database: String, tokenFile: String?) throws(ServerError) -> KustoEndpoint {
        let token =
            try ServerConfiguration.token(file: tokenFile)
            ?? ProcessInfo.processInfo.environment["SANDPIPER_KUSTO_TOKEN"]
        return KustoEndpoint(url: url, database: database, token: token)
    }

    /// Runs `text` and returns its primary result tables. A failure the endpoint reports keeps its
    /// catalogued code when it has one (`innererror.code`, as `sandpiper serve` sends); any other is
    /// `E_ENDPOINT` with the endpoint's message.
    ///
    /// `queryNow` becomes the request option `query_now`, which fixes `now()` as the case file's `now` line does.
    public func execute(_ text: String, queryNow: Int64? = nil) throws(KQLError) -> [Table] {
        let command = text.drop { $0.isWhitespace }.hasPrefix(".")
        var options: [String: Any] = [:]
        if let queryNow { options["query_now"] = DateTimeFormat.iso8601(queryNow, fractionDigits: 7) }
        let body: [String: Any] = ["db": database, "csl": text, "properties": ["Options": options]]
        let (status, data) = try send(command ? "v1/rest/mgmt" : "v2/rest/query", body)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw KQLError(
                .endpoint,
                "\(url.absoluteString) answered HTTP \(status) with a body that is not JSON: "
                    + String(decoding: data.prefix(200), as: UTF8.self))
        }
        guard status == 200 else { throw Self.failure(json, status: status) }
        return command
            ? try KustoResponseReader.v1Tables(json).suffix(1) : try KustoResponseReader.v2PrimaryResults(json)
    }

    private func send(_ path: String, _ body: [String: Any]) throws(KQLError) -> (Int, Data) {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(
            "Sandpiper.Conformance;" + UUID().uuidString.lowercased(), forHTTPHeaderField: "x-ms-client-request-id")
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        request.httpBody = try? JSONSerialization.data(withJSONObject: body)
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            box.set(data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, status, error) = box.get()
        guard let data, let status else {
            throw KQLError(
                .endpoint,
                "cannot reach \(url.absoluteString): \(error.map { "\($0.localizedDescription)" } ?? "no answer")")
        }
        return (status, data)
    }

    /// The KQLError for a OneApiErrors body.
    static func failure(_ json: Any, status: Int) -> KQLError {
        let error = (json as? [String: Any])?["error"] as? [String: Any]
        let inner = error?["innererror"] as? [String: Any]
        let message = (error?["@message"] as? String) ?? (error?["message"] as? String) ?? "HTTP \(status)"
        if let name = inner?["code"] as? String, let code = ErrorCode.named(name) {
            return KQLError(code, (error?["message"] as? String) ?? message, hint: message)
        }
        return KQLError(.endpoint, "the endpoint answered HTTP \(status): \(message)")
    }
}

/// The answer of one request, handed from URLSession's queue to the waiting caller.
private final class ReplyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, Int?, (any Error)?) = (nil, nil, nil)
    func set(_ d: Data?, _ s: Int?, _ e: (any Error)?) { lock.lock(); value = (d, s, e); lock.unlock() }
    func get() -> (Data?, Int?, (any Error)?) { lock.lock(); defer { lock.unlock() }; return value }
}
