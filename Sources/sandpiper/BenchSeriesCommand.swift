import ArgumentParser
import Bench
import Benchmarks
import Documentation
import Foundation

/// `sandpiper bench series`: make-series + series_decompose_anomalies against pandas and statsmodels.
struct BenchSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Time make-series + series_decompose_anomalies against pandas and statsmodels.",
        discussion: CommandHelp.benchSeries)

    @Option(help: "Series to generate.") var series: Int = 10_000
    @Option(help: "Points (hours) per series; at least 48, two daily periods.") var points: Int = 1_000
    @Option(
        help: ArgumentHelp("Peers to run, comma-separated: pandas, statsmodels; none for no peer.", valueName: "list"))
    var peers: String = SeriesBenchmark.knownPeers.joined(separator: ",")
    @OptionGroup var common: BenchCommonOptions

    var peerList: [String] {
        peers == "none" ? [] : peers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func validate() throws {
        if series < 1 { throw ValidationError("--series must be at least 1") }
        if points < 48 { throw ValidationError("--points must be at least 48 (two daily periods)") }
        for peer in peerList where !SeriesBenchmark.knownPeers.contains(peer) {
            throw ValidationError(
                "unknown peer '\(peer)' (known: \(SeriesBenchmark.knownPeers.joined(separator: ", ")))")
        }
    }

    func run() throws {
        try common.report {
            let results = try SeriesBenchmark(
                series: series, points: points, runs: common.runs, peers: peerList, benchDirectory: common.benchDir
            ).measure()
            return BenchSeriesReport.render(results, format: common.format)
        }
    }
}
