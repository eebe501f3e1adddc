import ArgumentParser
import Documentation
import Foundation
import KQLEngine
import PythonPlugin
import Server

/// `sandpiper serve`: the Kusto REST endpoint over the sample database or a `--db` folder (docs/serve.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the Kusto REST API to Kusto clients.", discussion: CommandHelp.serve)

    @OptionGroup var database: DatabaseOptions
    @Option(help: .doc(.listen)) var listen = "127.0.0.1:8080"
    @Option(help: .doc(.serveToken)) var tokenFile: String?
    @Option(help: .doc(.tlsCert)) var tlsCert: String?
    @Option(help: .doc(.tlsKey)) var tlsKey: String?
    @Option(help: .doc(.corsOrigin)) var corsOrigin: [String] = []
    @Option(help: "Largest request body accepted, in bytes.") var maxRequestBytes = 16 << 20
    @Option(help: "Largest response sent, in bytes.") var maxResponseBytes = 256 << 20
    @Option(help: "Queries run at once; more wait.")
    var maxConcurrentQueries = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    @OptionGroup var python: PythonRunOptions

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    func run() async throws {
        let plugins = python.enginePlugins()
        defer { plugins.shutdown() }
        do throws(any Error) {
            let (host, port) = try ServerConfiguration.listenAddress(listen)
            let engine = plugins.engine(
                database: try database.open(), artifactRoots: python.artifactRoots([database.path]),
                now: database.clock)
            let configuration = ServerConfiguration(
                host: host, port: port, token: try ServerConfiguration.token(file: tokenFile),
                databaseName: database.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "Sandpiper",
                maxRequestBytes: maxRequestBytes, maxResponseBytes: maxResponseBytes,
                maxConcurrentQueries: maxConcurrentQueries,
                tls: tlsCert.map { TLSFiles(certificateChain: $0, privateKey: tlsKey ?? "") })
            let server = try KustoServer(
                configuration: configuration, engine: engine, corsOrigins: CORSPolicy.defaultOrigins.union(corsOrigin))
            try await server.run { port in
                let line = configuration.listeningLine(scheme: server.scheme, port: port) + "\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data((DisplayText.forTerminal("\(error)") + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
