import Columnar
import Foundation
import HTTPTypes
import Hummingbird
import KQLEngine

/// Answers the Kusto REST API: `POST /v2/rest/query`, `POST /v1/rest/query`, `POST /v1/rest/mgmt`,
/// `GET /v1/rest/auth/metadata`, `GET /v1/rest/ping`, and CORS preflights for all of them. Every answer
/// carries `x-ms-client-request-id` (the client's, or a new one) and a fresh `x-ms-activity-id`.
struct KustoResponder: HTTPResponder {
    typealias Context = KustoRequestContext

    let engine: Engine
    let configuration: ServerConfiguration
    let cors: CORSPolicy
    let token: BearerToken?
    let pool: QueryPool
    let statistics: ServerStatistics

    static let clientRequestID = HTTPField.Name("x-ms-client-request-id")!
    static let activityID = HTTPField.Name("x-ms-activity-id")!

    private enum Endpoint { case v2Query, v1Query, management }

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = Date()
        let activity = UUID().uuidString.lowercased()
        let crid = request.headers[Self.clientRequestID] ?? "Sandpiper.Serve;" + UUID().uuidString.lowercased()
        var ids = ResponseContext(clientRequestID: crid, activityID: activity, start: start)
        var headers = cors.headers(for: request, preflight: request.method == .options)
        headers[Self.clientRequestID] = crid
        headers[Self.activityID] = activity

        if request.method == .options { return Response(status: .noContent, headers: headers) }
        let path = request.uri.path.lowercased()
        let endpoint: Endpoint
        switch (request.method, path) {
        case (.get, "/v1/rest/auth/metadata"):
            return json(#"{"AzureAD":null,"dSTS":null}"#, headers: headers)
        case (.get, "/v1/rest/ping"):
            return Response(status: .ok, headers: headers)
        case (.post, "/v2/rest/query"): endpoint = .v2Query
        case (.post, "/v1/rest/query"): endpoint = .v1Query
        case (.post, "/v1/rest/mgmt"): endpoint = .management
        default:
            return failure(
                ServerError(
                    .request, "there is no endpoint \(request.method) \(request.uri.path)", status: 404,
                    hint:
                        "POST /v2/rest/query, /v1/rest/query or /v1/rest/mgmt; GET /v1/rest/auth/metadata or /v1/rest/ping"
                ),
                ids, headers)
        }
        if let token, !token.accepts(request.headers[.authorization]) {
            return failure(
                ServerError(.unauthorized, "the request has no valid `Authorization: Bearer` token", status: 401), ids,
                headers)
        }

        let max = configuration.maxRequestBytes, maxResponse = configuration.maxResponseBytes
        let kusto: KustoRequest
        do {
            var buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: max) } catch {
                throw ServerError(
                    .requestTooLarge, "the request body is larger than \(max) bytes (--max-request-bytes)", status: 413)
            }
            kusto = try KustoRequest.decode(buffer.readBytes(length: buffer.readableBytes) ?? [])
            try checkDatabase(kusto.database)
        } catch let error as ServerError {
            statistics.count(.failed)
            return failure(error, ids, headers)
        }
        // The id from the request's properties, when no header gave one.
        if request.headers[Self.clientRequestID] == nil, let id = kusto.clientRequestID {
            ids.clientRequestID = id
            headers[Self.clientRequestID] = id
        }
        let engine = self.engine, known = ids
        // The query is cancelled when the client closes the connection before the answer.
        let answer = await pool.run(onCancel: context.onConnectionClose) { cancellation in
            Self.execute(engine, kusto, endpoint, known, cancellation: cancellation, maxResponseBytes: maxResponse)
        }
        switch answer {
        case .body(let text):
            statistics.count(.answered)
            return json(text, headers: headers)
        case .error(let e):
            statistics.count(e.code == .cancelled ? .cancelled : .failed)
            return failure(e, ids, headers)
        }
    }

    private enum Answer: Sendable {
        case body(String)
        case error(OneApiError)
    }

    /// Runs the request on a pool thread and writes its answer there too, so neither blocks the event loop.
    private static func execute(
        _ engine: Engine, _ request: KustoRequest, _ endpoint: Endpoint, _ context: ResponseContext,
        cancellation: QueryCancellation, maxResponseBytes: Int
    ) -> Answer {
        do {
            let result = try engine.execute(request.text, properties: request.properties, cancellation: cancellation)
            let text: String
            switch endpoint {
            case .v2Query: text = V2Response.write(result, progressive: request.progressive, context: context)
            case .v1Query: text = V1Response.query(result, context: context)
            case .management: text = V1Response.management(result)
            }
            guard text.utf8.count <= maxResponseBytes else {
                return .error(
                    OneApiError(
                        ServerError(
                            .requestTooLarge,
                            "the answer is \(text.utf8.count) bytes, more than the server sends "
                                + "(\(maxResponseBytes), --max-response-bytes)", status: 413,
                            hint: "cut the result with take or summarize, or set truncationmaxsize")))
            }
            return .body(text)
        } catch {
            return .error(OneApiError(error))
        }
    }

    /// `db` may be empty, `default`, ADX's `NetDefaultDB`, or this server's database name.
    private func checkDatabase(_ name: String?) throws(ServerError) {
        guard let name, !name.isEmpty else { return }
        let known = [configuration.databaseName.lowercased(), "default", "netdefaultdb"]
        guard known.contains(name.lowercased()) else {
            throw ServerError(
                .request, "there is no database '\(name)'", status: 400,
                hint: "this server's database is '\(configuration.databaseName)' (or 'default')")
        }
    }

    private func json(_ text: String, headers: HTTPFields) -> Response {
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func failure(_ error: ServerError, _ ids: ResponseContext, _ headers: HTTPFields) -> Response {
        failure(OneApiError(error), ids, headers)
    }

    private func failure(_ error: OneApiError, _ ids: ResponseContext, _ headers: HTTPFields) -> Response {
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: HTTPResponse.Status(code: error.status), headers: h,
            body: ResponseBody(
                byteBuffer: ByteBuffer(
                    string: error.body(clientRequestID: ids.clientRequestID, activityID: ids.activityID))))
    }
}
