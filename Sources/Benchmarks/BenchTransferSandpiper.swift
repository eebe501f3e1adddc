import Bench
import Columnar
import Foundation
import Sandbox

/// Sandpiper's side of `bench transfer`: the real python() path, `Supervisor` → warm worker → `df`
/// → `result` → engine columns, timed from both ends on CLOCK_MONOTONIC (one clock for every process).
///
/// Each run is one supervisor call whose script stamps the clock first thing (so `df` exists) and
/// last thing (after `result = df`); the bench stamps it just before the call and just after it returns:
/// - `to-df` = script start − call start: the header and small buffers written into a pooled memfd
///   (large buffers go by reference as their own memfds), the request handed to the ready spare
///   child (or a fork of the warm zygote), the private mappings and `df` built over them;
/// - `from-df` = call return − script end: `result` written into a memfd (unmodified columns as
///   references to the input), the answer, and the buffers adopted as engine columns;
/// - `round-trip` = both (the call less the script's own checksum work).
/// `call` is the whole `python()` call on a 1-row table: warm back to back, warm with pauses, and
/// cold (every worker stopped first, so the call starts CPython and imports numpy and pandas).
struct BenchSandpiperSubject {
    let supervisor: Supervisor
    let sitePackages: [String]
    /// `bench/peers/transfer_checksum.py`: the script computes the same checksum every peer does.
    let checksumSource: String

    static let marker = "SANDPIPER_BENCH"

    /// The checksum helper travels in `kargs` and is compiled after the first stamp: compiling the
    /// bench's own helper is not part of handing `df` over (the peers' timings leave it out too).
    var kargsJSON: String { Dynamic.bag(PropertyBag([("checksum_source", .string(checksumSource))])).jsonText }

    func script(kinds: [BenchColumnKind]) -> String {
        let list = kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return """
            import time as _bench_time
            _bench_t0 = _bench_time.monotonic_ns()
            exec(kargs["checksum_source"])
            print("\(Self.marker)", _bench_t0, table_checksum(df, [\(list)]))
            result = df
            print("\(Self.marker)_END", _bench_time.monotonic_ns())
            """
    }

    struct Run { var toDF: Double; var fromDF: Double; var roundTrip: Double }

    /// One checked call: the script must have seen `expected`, and the result must check out too.
    func call(_ table: Table, kinds: [BenchColumnKind], expected: String) throws(BenchError) -> Run {
        let text = script(kinds: kinds)
        let t0 = BenchClock.nanoseconds()
        let output: ScriptOutput
        do {
            output = try supervisor.run(
                table, ScriptRun(script: text, kargsJSON: kargsJSON, sitePackages: sitePackages))
        } catch {
            throw .peer("sandpiper's python() call failed: \(error.description)")
        }
        let t3 = BenchClock.nanoseconds()
        var seen: String?, t1: UInt64?, t2: UInt64?
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.first == Substring(Self.marker), parts.count == 3 {
                t1 = UInt64(parts[1]); seen = String(parts[2])
            }
            if parts.first == Substring(Self.marker + "_END"), parts.count == 2 { t2 = UInt64(parts[1]) }
        }
        guard let seen, let t1, let t2, t1 >= t0, t3 >= t2 else {
            throw .peer(
                "the bench script's timestamps are missing or out of order in its output: \(output.stdout.prefix(300))")
        }
        guard seen == expected else { throw .checksum("sandpiper: the script saw \(seen), expected \(expected)") }
        let back = BenchDataset.checksum(of: output.table, kinds: kinds)
        guard back == expected else {
            throw .checksum("sandpiper: result = df came back as \(back), expected \(expected)")
        }
        let toDF = Double(t1 - t0) / 1e9, fromDF = Double(t3 - t2) / 1e9
        return Run(toDF: toDF, fromDF: fromDF, roundTrip: toDF + fromDF)
    }

    /// Warm-up call, then `runs` checked calls; stats per direction.
    func measure(_ table: Table, kinds: [BenchColumnKind], expected: String, runs: Int) throws(BenchError) -> [(
        String, BenchStats
    )] {
        _ = try call(table, kinds: kinds, expected: expected)
        var all: [Run] = []
        for _ in 0..<runs { all.append(try call(table, kinds: kinds, expected: expected)) }
        return [
            ("to-df", BenchStats(all.map(\.toDF))), ("from-df", BenchStats(all.map(\.fromDF))),
            ("round-trip", BenchStats(all.map(\.roundTrip))),
        ]
    }

    /// The whole `python()` call on a 1-row table: warm worker back to back (each call also waits for
    /// the spare child the previous one started), warm worker 100 ms apart (the spare is ready), then
    /// cold (all workers stopped before each run).
    func measureCall(runs: Int) throws(BenchError) -> (warm: BenchStats, spaced: BenchStats, cold: BenchStats) {
        let table = Table([("x", Column(int64s: [42]))])
        func once() throws(BenchError) -> Double {
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
            return seconds
        }
        _ = try once()
        var warm: [Double] = []
        for _ in 0..<runs { warm.append(try once()) }
        // A call that finds its spare child ready (as calls a person types do); the pause is not timed.
        var spaced: [Double] = []
        for _ in 0..<runs {
            usleep(100_000)
            spaced.append(try once())
        }
        var cold: [Double] = []
        for _ in 0..<runs {
            supervisor.shutdown()
            cold.append(try once())
        }
        return (BenchStats(warm), BenchStats(spaced), BenchStats(cold))
    }

    /// The site-packages the worker runs with: a named sandbox's, or the bench venv's (pinned numpy and pandas).
    static func sitePackages(sandbox: String?, explicit: [String], env: BenchEnvironment) throws(BenchError) -> [String]
    {
        if !explicit.isEmpty { return explicit }
        if let sandbox {
            do { return [try SandboxRegistry().resolve(sandbox).sitePackages.path] } catch {
                throw BenchError(error.code, error.message, hint: error.hint)
            }
        }
        let run = try BenchProcess.run(
            [env.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], environment: [:])
        let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0, FileManager.default.fileExists(atPath: path + "/pandas") else {
            throw .peer("cannot find pandas in the bench venv's site-packages (\(path))", hint: "run bench/setup-venv")
        }
        return [path]
    }
}
