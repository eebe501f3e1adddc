import ArgumentParser
import Documentation
import Foundation
import KQLEngine
import Server

/// `sandpiper bench serve`: the load generator against `sandpiper serve` (its own, on loopback, or --target).
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Queries/s and p50/p99 latency of sandpiper serve under concurrent clients.",
        discussion: CommandHelp.benchServe)

    @Option(help: .doc(.loadTarget)) var target: String?
    @Option(help: .doc(.clients)) var clients = "1,8,64"
    @Option(help: "Requests per measurement.") var requests = 500
    @Option(help: .doc(.onlyQuery)) var only: String?
    @OptionGroup var python: PythonRunOptions

    func run() async throws {
        let counts = ServeLoadBenchmark.clientCounts(clients)
        guard !counts.isEmpty, requests > 0 else {
            throw ValidationError("--clients needs positive counts and --requests a positive number")
        }
        let measure: @Sendable (URL) async -> [(String, LoadGenerator.Result)] = { [only, requests] url in
            await ServeLoadBenchmark.measure(
                LoadGenerator(url: url, database: "Sandpiper"), clients: counts, requests: requests, only: only
            ) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        }
        let results: [(String, LoadGenerator.Result)]
        if let target, let url = URL(string: target) {
            results = await measure(url)
        } else {
            let plugins = python.enginePlugins()
            defer { plugins.shutdown() }
            let engine = plugins.engine(database: SampleDatabase.make(now: Int64(Date().timeIntervalSince1970 * 1e9)))
            results = try await ServeLoadBenchmark.withLocalServer(
                engine, maxConcurrentQueries: max(2, counts.max()!), measure)
        }
        print(ServeLoadBenchmark.report(results, loadAverage: ServeLoadBenchmark.loadAverage))
        if results.contains(where: { $0.1.errors > 0 }) { throw ExitCode(1) }
    }
}
