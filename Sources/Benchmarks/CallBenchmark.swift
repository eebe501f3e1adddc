import Bench
import Columnar
import Foundation
import Sandbox

/// `sandpiper bench calls`: the whole `python()` call on a 1-row table, three ways — warm worker back to
/// back (each call finds, at best, the spare child the previous call began to prepare, still confining
/// itself), warm worker 100 ms apart (the spare is ready: the pause is not timed), and cold (every
/// worker stopped first: the call starts CPython and imports numpy and pandas) — with every
/// confinement layer on, and the medians of what the query child measured itself (`ScriptOutput.timings`:
/// each confinement step's wall and CPU time, `df`, `script`, `result`, and `cpu`, the query process's
/// CPU from its fork into the pid namespace to its answer).
public struct CallBenchmark: Sendable {
    /// Timed calls per variant, after one warm-up call.
    public var runs: Int
    /// Run in this sandbox (nil: the bench venv's numpy and pandas).
    public var sandbox: String?
    /// Site-packages folders for the worker instead of a sandbox.
    public var sitePackages: [String]
    /// The bench folder (nil: found above the current directory or the executable).
    public var benchDirectory: String?

    public init(runs: Int, sandbox: String?, sitePackages: [String], benchDirectory: String?) {
        self.runs = runs; self.sandbox = sandbox; self.sitePackages = sitePackages
        self.benchDirectory = benchDirectory
    }

    /// One variant's calls: wall time, how many a spare child ran, and the child's own timings.
    public struct Measurement: Sendable {
        /// `warm-back-to-back`, `warm-spaced` or `cold`.
        public var variant: String
        public var stats: BenchStats
        /// Calls a spare child (forked and confined before the call) ran.
        public var spareRuns: Int
        /// Median milliseconds of each timing the children reported, over the calls that reported it.
        public var phases: [String: Double]
    }

    /// One call: its wall time and what the child reported.
    struct Sample {
        var seconds: Double
        var timings: [String: Double]
    }

    /// Runs the three variants on a supervisor with spare children (as a server runs).
    public func measure() throws(BenchError) -> [Measurement] {
        let env = try BenchEnvironment.prepare(explicit: benchDirectory)
        let packages = try BenchSandpiperSubject.sitePackages(sandbox: sandbox, explicit: sitePackages, env: env)
        let supervisor = Supervisor()
        defer { supervisor.shutdown() }
        let samples = try Self.samples(supervisor: supervisor, sitePackages: packages, runs: runs)
        return [("warm-back-to-back", samples.warm), ("warm-spaced", samples.spaced), ("cold", samples.cold)].map {
            Self.summary($0.0, $0.1)
        }
    }

    /// The calls of each variant, in the order back to back, spaced, cold (see the type's summary).
    static func samples(supervisor: Supervisor, sitePackages: [String], runs: Int) throws(BenchError) -> (
        warm: [Sample], spaced: [Sample], cold: [Sample]
    ) {
        let table = Table([("x", Column(int64s: [42]))])
        func once() throws(BenchError) -> Sample {
            let t0 = BenchClock.nanoseconds()
            let output: ScriptOutput
            do {
                output = try supervisor.run(table, ScriptRun(script: "result = df", sitePackages: sitePackages))
            } catch {
                throw .peer("sandpiper's python() call failed: \(error.description)")
            }
            let seconds = Double(BenchClock.nanoseconds() - t0) / 1e9
            guard output.table.rowCount == 1, output.table.columns.first?.value(0) == .long(42) else {
                throw .checksum("sandpiper: a 1-row call returned \(output.table.rows)")
            }
            return Sample(seconds: seconds, timings: output.timings)
        }
        _ = try once()
        var warm: [Sample] = []
        for _ in 0..<runs { warm.append(try once()) }
        var spaced: [Sample] = []
        for _ in 0..<runs {
            usleep(100_000)
            spaced.append(try once())
        }
        var cold: [Sample] = []
        for _ in 0..<runs {
            supervisor.shutdown()
            cold.append(try once())
        }
        return (warm, spaced, cold)
    }

    static func summary(_ variant: String, _ samples: [Sample]) -> Measurement {
        var byKey: [String: [Double]] = [:]
        for sample in samples {
            for (key, ms) in sample.timings where key != "spare" { byKey[key, default: []].append(ms) }
        }
        return Measurement(
            variant: variant, stats: BenchStats(samples.map(\.seconds)),
            spareRuns: samples.filter { $0.timings["spare"] == 1 }.count,
            phases: byKey.mapValues { BenchStats($0).median })
    }

    /// The calls as a table (and the children's phases below it), markdown, or one JSON object per variant.
    public static func render(_ results: [Measurement], format: BenchFormat, loadAverage: String) -> String {
        if format == .json {
            return results.map { m in
                BenchOutput.jsonLine([
                    "kind": "call", "variant": m.variant, "median_s": m.stats.median, "min_s": m.stats.min,
                    "max_s": m.stats.max, "runs": m.stats.runs, "spare_runs": m.spareRuns,
                    "phases_ms": m.phases, "load_average": loadAverage,
                ])
            }.joined(separator: "\n")
        }
        let markdown = format == .markdown
        var rows = [["call (1 row)", "median", "min", "max", "runs", "by a spare"]]
        for m in results {
            rows.append([
                m.variant, BenchOutput.seconds(m.stats.median), BenchOutput.seconds(m.stats.min),
                BenchOutput.seconds(m.stats.max), "\(m.stats.runs)", "\(m.spareRuns)",
            ])
        }
        var phaseRows = [["child phase (median ms)"] + results.map(\.variant)]
        let keys = Set(results.flatMap { $0.phases.keys }).sorted()
        for key in keys {
            phaseRows.append([key] + results.map { $0.phases[key].map { String(format: "%.2f", $0) } ?? "-" })
        }
        return BenchOutput.grid(rows, markdown: markdown, rightAligned: [1, 2, 3, 4, 5]) + "\n\n"
            + BenchOutput.grid(phaseRows, markdown: markdown, rightAligned: Set(1...results.count))
            + "\n\nload average at the end: \(loadAverage)"
    }
}
