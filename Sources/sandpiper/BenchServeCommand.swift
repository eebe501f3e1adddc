import ArgumentParser
import Foundation
import KQLEngine
import Server

/// `sandpiper bench serve`: the load generator against `sandpiper serve` (its own, on loopback, or --target).
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Queries/s and p50/p99 latency of sandpiper serve under concurrent clients.",
        discussion:
            "Without --target it serves the sample database on a free loopback port itself. Every answer is checked."
    )

    @Option(help: ArgumentHelp("A Kusto endpoint to load instead of an own server.", valueName: "url")) var target:
        String?
    @Option(help: ArgumentHelp("Concurrent client counts, comma-separated.", valueName: "n,n,...")) var clients =
        "1,8,64"
    @Option(help: "Requests per measurement.") var requests = 500
    @Option(help: ArgumentHelp("Only this query (print, summarize-10k, python-1-row).", valueName: "name")) var only:
        String?

    @OptionGroup var python: PythonRunOptions

    func run() async throws {
        let counts = clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter {
            $0 > 0
        }
        guard !counts.isEmpty, requests > 0 else {
            throw ValidationError("--clients needs positive counts and --requests a positive number")
        }
        let measure: @Sendable (URL) async -> [(String, LoadGenerator.Result)] = { [only, requests] url in
            await ServeLoadBenchmark.measure(
                LoadGenerator(url: url, database: "Sandpiper"), clients: counts, requests: requests, only: only
            ) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
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
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(
                separator: " ") ?? "unknown"
        print(ServeLoadBenchmark.report(results, loadAverage: load))
        if results.contains(where: { $0.1.errors > 0 }) { throw ExitCode(1) }
    }
}
