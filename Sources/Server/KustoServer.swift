import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KQLEngine
import Logging
import NIOSSL

/// `sandpiper serve`: a long-running HTTP server (Hummingbird over SwiftNIO) that speaks the Kusto REST
/// API well enough for the Kusto clients (azure-kusto-data, kqlmagic, the ADX web UI) to work unchanged,
/// over one engine with its plugins, so the warm python() workers are shared by every request.
public struct KustoServer: Sendable {
    public let configuration: ServerConfiguration
    let engine: Engine
    let cors: CORSPolicy
    /// HTTPS with the configuration's certificate, read at start; nil serves plain HTTP.
    let tls: TLSConfiguration?
    /// What the server answered so far.
    public let statistics = ServerStatistics()

    /// A server answering with `engine`; refuses a non-loopback address without a token.
    public init(
        configuration: ServerConfiguration, engine: Engine, corsOrigins: Set<String> = CORSPolicy.defaultOrigins
    ) throws(ServerError) {
        guard ServerConfiguration.isLoopback(configuration.host) || configuration.token != nil else {
            throw ServerError(
                .unauthorized, "listening on \(configuration.host) (not a loopback address) requires --token-file",
                hint: "give a file holding a secret token; every request must then send `Authorization: Bearer <token>`"
            )
        }
        if let token = configuration.token, token.isEmpty {
            throw ServerError(.unauthorized, "the token file is empty", hint: "write a long random secret into it")
        }
        self.configuration = configuration
        self.engine = engine
        self.cors = CORSPolicy(origins: corsOrigins)
        self.tls = try configuration.tls?.serverConfiguration()
    }

    /// `https` when the server has a certificate, else `http`: the scheme of the URL clients connect to.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Listens and answers until the task is cancelled; `onListening` gets the port once the socket is bound
    /// (the one chosen when the configuration says 0).
    /// `logLevel` is Hummingbird's: warnings and errors of the HTTP layer go to standard error (tests
    /// and the load benchmark, which stop servers on purpose, pass `.critical`).
    public func run(logLevel: Logger.Level = .warning, onListening: @escaping @Sendable (Int) -> Void = { _ in })
        async throws
    {
        let responder = KustoResponder(
            engine: engine, configuration: configuration, cors: cors,
            token: configuration.token.map(BearerToken.init),
            pool: QueryPool(limit: configuration.maxConcurrentQueries), statistics: statistics)
        var logger = Logger(label: "sandpiper.serve")
        logger.logLevel = logLevel
        let http = HTTPServerBuilder.http1(
            configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [ConnectionCloseWatcher()]))
        let app = Application(
            responder: responder,
            server: try tls.map { try HTTPServerBuilder.tls(http, tlsConfiguration: $0) } ?? http,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "Sandpiper"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.run()
    }
}
