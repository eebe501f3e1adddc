import ArgumentParser
import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import PythonPlugin
import Server

/// `sandpiper serve`: the Kusto REST endpoint over the sample database or a `--db` folder (docs/serve.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Kusto REST API to Kusto clients.",
        discussion: """
            Clients connect with the URL printed at start: azure-kusto-data with \
            KustoConnectionStringBuilder.with_no_authentication(URL), kqlmagic with \
            azuredataexplorer://anonymous;cluster='URL';database='NAME', the ADX web UI as a connection. \
            Only loopback addresses are served unless --token-file is given. See docs/serve.md.
            """
    )

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("Serve a folder of .csv/.tsv/.jsonl files as the database.", valueName: "dir"))
    var database: String?

    @Option(help: ArgumentHelp("Address and port to listen on (port 0: any free port).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(
        help: ArgumentHelp(
            "A file holding the token every request must send as `Authorization: Bearer <token>`.", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (needs --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "A browser origin allowed by CORS besides the ADX web UI's and loopback ones (repeatable).",
            valueName: "origin"))
    var corsOrigin: [String] = []

    @Option(
        help: ArgumentHelp(
            "Fix the current time (ISO 8601), for reproducible ago()/now() and sample data.", valueName: "datetime"))
    var now: String?

    @Option(help: "Largest request body accepted, in bytes.") var maxRequestBytes = 16 << 20
    @Option(help: "Largest response sent, in bytes.") var maxResponseBytes = 256 << 20
    @Option(help: "Queries run at once; more wait.") var maxConcurrentQueries = max(
        2, ProcessInfo.processInfo.activeProcessorCount * 2)

    @OptionGroup var python: PythonRunOptions

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    func run() async throws {
        let fixedNow = try now.map { t in
            guard let n = DateTimeFormat.parse(t) else {
                throw ValidationError("--now '\(t)' is not a datetime; write e.g. 2024-01-01T00:00:00Z")
            }
            return n
        }
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        do throws(any Error) {
            let (host, port) = try ServerConfiguration.listenAddress(listen)
            let token = try ServerConfiguration.token(file: tokenFile)
            let db: any Database =
                try database.map { (path) throws(KQLError) in try FolderDatabase(path: path) }
                ?? SampleDatabase.make(now: fixedNow ?? Int64(Date().timeIntervalSince1970 * 1e9))
            let name = database.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "Sandpiper"
            let engine = plugins.engine(
                database: db, artifactRoots: python.artifactRoots([database]),
                now: fixedNow.map { t in { @Sendable in t } })
            let configuration = ServerConfiguration(
                host: host, port: port, token: token, databaseName: name, maxRequestBytes: maxRequestBytes,
                maxResponseBytes: maxResponseBytes, maxConcurrentQueries: maxConcurrentQueries,
                tls: tlsCert.map { TLSFiles(certificateChain: $0, privateKey: tlsKey ?? "") })
            let server = try KustoServer(
                configuration: configuration, engine: engine, corsOrigins: CORSPolicy.defaultOrigins.union(corsOrigin))
            try await server.run { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(
                    Data(
                        ("sandpiper serve: listening on \(server.scheme)://\(shown):\(port), database '\(name)'"
                            + (token == nil ? "" : "; every request needs `Authorization: Bearer <token>`") + "\n").utf8
                    ))
            }
        } catch {
            FileHandle.standardError.write(Data((DisplayText.forTerminal("\(error)") + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
