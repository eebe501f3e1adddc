import Foundation
import Testing

/// Smoke tests of `sandpiper bench`: the built binary runs both benchmarks at the smallest size and
/// prints well-formed JSON whose checksums matched. Timings on CI are noise and are not checked.
///
/// The peers need `bench/.venv` (created by `bench/setup-venv` from PyPI); when it cannot be created
/// the bench exits with E_BENCH_PEER and these tests fail with that message, they never pass silently.
@Suite(.serialized)
struct BenchSmokeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `sandpiper` executable next to the test bundle (swift build puts every product in one folder).
    static var binaryDirectory: URL? {
        var candidates: [URL] = []
        if let exe = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                if FileManager.default.isExecutableFile(atPath: d.appendingPathComponent("sandpiper").path) { return d }
                d.deleteLastPathComponent()
            }
        }
        return nil
    }

    static var workerBuilt: Bool {
        binaryDirectory.map {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("sandpiper-worker").path)
        } ?? false
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func sandpiper(_ arguments: [String]) throws -> Run {
        let dir = try #require(binaryDirectory, "the sandpiper executable was not built next to the tests")
        let p = Process()
        p.executableURL = dir.appendingPathComponent("sandpiper")
        p.arguments = arguments
        p.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let errData = ErrorBox()
        let t = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        t.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: errData.text)
    }

    final class ErrorBox: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data(), finished = false
        func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func engineBenchPrintsMatchingChecksums() throws {
        let run = try Self.sandpiper([
            "bench", "engine", "--rows", "10000", "--join-rows", "10000", "--runs", "1", "--format", "json",
        ])
        try #require(run.status == 0, "bench engine failed (exit \(run.status)): \(run.stderr)")
        let lines = try Self.jsonLines(run.stdout)
        let names: Set = [
            "filter-extend-summarize", "join", "top-n-string", "percentiles-by-key", "time-bin-summarize",
            "term-search", "dcount-by-key", "make-series", "summarize-random-keys", "summarize-zipf-keys",
            "join-many-to-many",
        ]
        // Sandpiper serial, on one thread and (with more than one core) on all; DuckDB on one and its default.
        let engines = ProcessInfo.processInfo.activeProcessorCount > 1 ? 5 : 4
        #expect(lines.count == names.count * engines, "\(run.stdout)")
        for line in lines {
            for key in [
                "method", "benchmark", "rows", "threads", "median_s", "min_s", "max_s", "runs", "checksum", "query",
                "timed",
            ] {
                #expect(line[key] != nil, "missing \(key) in \(line)")
            }
            #expect(line["checksum_match"] as? Bool == true)
            #expect((line["median_s"] as? Double ?? -1) > 0)
        }
        let methods = Set(lines.compactMap { $0["method"] as? String })
        #expect(methods == ["sandpiper-serial", "sandpiper", "duckdb"])
        let benchmarks = Set(lines.compactMap { $0["benchmark"] as? String })
        #expect(benchmarks == names)
        // The answers themselves: 10000 rows joined one to one; sum(a + b) = 100 * 49.5 * 100 + 1000 * 4.5 * 10.
        let join = try #require(
            lines.first { $0["method"] as? String == "sandpiper" && $0["benchmark"] as? String == "join" })
        #expect(join["checksum"] as? [Double] == [10000, 540000])
    }

    @Test func geoBenchChecksItsAnswers() throws {
        let run = try Self.sandpiper(["bench", "geo", "--rows", "10000", "--runs", "1", "--format", "json"])
        try #require(run.status == 0, "bench geo failed (exit \(run.status)): \(run.stderr)")
        let lines = try Self.jsonLines(run.stdout)
        let benchmarks: Set<String> = ["s2cell", "h3cell", "point-in-polygon", "distance"]
        #expect(Set(lines.compactMap { $0["benchmark"] as? String }) == benchmarks, "\(run.stdout)")
        for line in lines {
            #expect(line["checksum_match"] as? Bool == true)
            #expect(line["rows"] as? Int == 10000)
            #expect((line["points_per_s"] as? Double ?? -1) > 0)
        }
        // Every benchmark is measured by sandpiper and by one Python binding, whose answer matched.
        for benchmark in benchmarks {
            let methods = lines.filter { $0["benchmark"] as? String == benchmark }.compactMap {
                $0["method"] as? String
            }
            #expect(methods.count == 2 && methods.first == "sandpiper", "\(benchmark): \(methods)")
            #expect(Set(methods).isSubset(of: ["sandpiper", "s2geometry", "h3-py"]), "\(benchmark): \(methods)")
        }
        // 10000 points spread over the globe fall in 10000 distinct level-11 S2 cells (about 4.9 km wide).
        let s2 = try #require(
            lines.first { $0["method"] as? String == "sandpiper" && $0["benchmark"] as? String == "s2cell" })
        #expect(s2["checksum"] as? [Double] == [10000])
    }

    @Test func seriesBenchCountsThePlantedSpikes() throws {
        let run = try Self.sandpiper([
            "bench", "series", "--series", "30", "--points", "200", "--runs", "1", "--format", "json",
        ])
        try #require(run.status == 0, "bench series failed (exit \(run.status)): \(run.stderr.suffix(3000))")
        let lines = try Self.jsonLines(run.stdout)
        #expect(Set(lines.compactMap { $0["method"] as? String }) == ["sandpiper", "pandas", "statsmodels"])
        let answers = Set(lines.compactMap { $0["checksum"] as? [Double] })
        #expect(answers.count == 1, "every method counts the same anomalies: \(run.stdout)")
        // 30 series × 152 hours that may hold a spike, each with probability 0.002: some are planted.
        let answer = try #require(answers.first)
        #expect(answer.count == 3 && answer[2] == 30 && answer[0] + answer[1] > 0, "\(answer)")
        for line in lines {
            #expect(line["checksum_match"] as? Bool == true)
            #expect(line["series"] as? Int == 30 && line["points"] as? Int == 200)
            #expect((line["series_per_s"] as? Double ?? 0) > 0)
        }
    }

    @Test func seriesBenchRejectsTooFewPoints() throws {
        let run = try Self.sandpiper(["bench", "series", "--points", "47"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--points must be at least 48"))
    }

    @Test(
        .enabled(
            if: BenchSmokeTests.workerBuilt, "sandpiper-worker is not built next to sandpiper, so python() cannot run"))
    func transferBenchPrintsEveryMethodAndDirection() throws {
        // Every type, with and without nulls: each receiver's checksum (string contents included) must
        // equal the generator's, for sandpiper's computed and by-reference results and for every peer.
        let types = "long,int,real,bool,datetime,timespan,string-low,string-high,dynamic,numeric4,mixed"
        let run = try Self.sandpiper([
            "bench", "transfer", "--rows", "1000", "--types", types, "--nulls", "0,0.1",
            "--runs", "1", "--format", "json",
        ])
        try #require(run.status == 0, "bench transfer failed (exit \(run.status)): \(run.stderr.suffix(3000))")
        let lines = try Self.jsonLines(run.stdout)
        let methods: Set<String> = [
            "sandpiper", "pyarrow-ipc-memfd", "pyarrow-to-pandas", "duckdb-df", "pickle5-oob-pipe", "csv-pipe",
            "memcpy",
        ]
        let directions: Set<String> = ["to-df", "from-df", "round-trip", "call"]
        for line in lines {
            for key in ["method", "direction", "dataset", "rows", "bytes", "median_s", "min_s", "max_s", "runs"] {
                #expect(line.keys.contains(key), "missing \(key) in \(line)")
            }
            #expect(methods.contains(line["method"] as? String ?? ""))
            #expect(directions.contains(line["direction"] as? String ?? ""))
            if line["skipped"] == nil, line["method"] as? String != "memcpy" {
                #expect(line["checksum_ok"] as? Bool == true, "\(line)")
            }
        }
        #expect(Set(lines.compactMap { $0["method"] as? String }) == methods)
        let ours = lines.filter { $0["method"] as? String == "sandpiper" }
        #expect(Set(ours.compactMap { $0["direction"] as? String }) == directions)
        // 11 types x 2 null ratios, each to-df, from-df and round-trip with a computed result, from-df
        // and round-trip by reference; plus warm (back to back and spaced) and cold calls.
        #expect(ours.count == 11 * 2 * 5 + 3)
        let variants = Set(ours.map { "\($0["direction"] ?? "") \($0["variant"] ?? "")" })
        #expect(
            variants == [
                "to-df default", "from-df default", "from-df by-reference", "round-trip default",
                "round-trip by-reference", "call warm-back-to-back", "call warm-spaced", "call cold",
            ])
        let split = lines.filter {
            $0["method"] as? String == "pyarrow-ipc-memfd" && $0["variant"] as? String == "split-blocks"
        }
        #expect(split.count == 11 * 2 * 2, "to-df and round-trip of every dataset")
    }

    @Test(
        .enabled(
            if: BenchSmokeTests.workerBuilt, "sandpiper-worker is not built next to sandpiper, so python() cannot run"))
    func callsBenchPrintsTheThreeVariantsWithTheChildsPhases() throws {
        let run = try Self.sandpiper(["bench", "calls", "--runs", "2", "--format", "json"])
        try #require(run.status == 0, "bench calls failed (exit \(run.status)): \(run.stderr.suffix(3000))")
        let lines = try Self.jsonLines(run.stdout)
        #expect(lines.compactMap { $0["variant"] as? String } == ["warm-back-to-back", "warm-spaced", "cold"])
        for line in lines {
            #expect(line["runs"] as? Int == 2)
            let phases = line["phases_ms"] as? [String: Any] ?? [:]
            // Every confinement step was timed in the child, and the script's own phases too.
            for key in ["confine", "confine.seccomp", "confine.filesystem", "confine.pidNamespace", "script", "cpu"] {
                #expect(phases[key] != nil, "\(key) missing in \(line)")
            }
        }
        // Spaced calls find the spare ready; a cold call has no zygote, so no spare, to run it.
        #expect(lines[1]["spare_runs"] as? Int == 2)
        #expect(lines[2]["spare_runs"] as? Int == 0)
    }

    @Test func transferRejectsAnUnknownType() throws {
        let run = try Self.sandpiper(["bench", "transfer", "--types", "nope"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown type 'nope'"))
    }
}
