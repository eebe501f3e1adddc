import Bench
import Columnar
import Foundation
import Sandbox

/// Sandpiper's side of `bench transfer`: the real python() path, `Supervisor` → warm worker → `df`
/// → `result` → engine columns, timed from both ends on CLOCK_MONOTONIC (one clock for every process).
///
/// Each run is one supervisor call whose script stamps the clock first thing, again after it has
/// compiled the bench's helpers, once more after the consumer step (`table_touch`, which reads every
/// value of `df` once), and last thing (after its checksum and setting `result`); the bench stamps the
/// clock just before the call and just after it returns:
/// - `to-df` = script start − call start, plus the consumer step: the header and small buffers
///   written into a pooled memfd (large buffers go by reference as their own memfds), a child forked
///   from the warm zygote and confined, the private mappings, `df` built over them, and every value
///   of `df` read once (the page faults of first touch included), as every peer's receiver does;
/// - `from-df` = call return − script end: `result` written into a memfd, the answer, and the
///   buffers adopted as engine columns. Variant `default`: `result` is a copy the script computed
///   (new buffers, new string and dict objects: nothing can go back by reference), the case every
///   peer measures; variant `by-reference`: `result = df`, whose unmodified columns come back as
///   the engine's own buffers with nothing copied;
/// - `round-trip` = both (the call less the script's compile and copy work).
/// Calls run back to back on a supervisor without spare children (see `supervisor`).
/// `call` is the whole `python()` call on a 1-row table: warm back to back, warm with pauses, and
/// cold (every worker stopped first, so the call starts CPython and imports numpy and pandas).
struct BenchSandpiperSubject {
    /// Runs the transfer rows with no spare child: each call forks the warm worker and confines the
    /// child inside the timed span, so no row profits from a child made during the bench's untimed work.
    let supervisor: Supervisor
    /// Runs the `call` rows with spare children, as a server does (back to back and spaced are labelled).
    let callSupervisor: Supervisor
    let sitePackages: [String]
    /// `bench/peers/transfer_checksum.py`: the script runs the same consumer step and checksum every peer does.
    let checksumSource: String

    static let marker = "SANDPIPER_BENCH"

    /// The helpers travel in `kargs` and are compiled between the first two stamps, outside the to-df
    /// span: compiling the bench's own helpers is not part of handing `df` over (the peers' leave it out too).
    var kargsJSON: String { Dynamic.bag(PropertyBag([("checksum_source", .string(checksumSource))])).jsonText }

    /// What the script hands back as `result`.
    enum ResultKind: String, CaseIterable {
        /// `result` = `fresh_copy(df)` (`transfer_checksum.py`): every column new.
        case computed = "default"
        /// `result = df`: unmodified input columns, adopted by reference.
        case byReference = "by-reference"
    }

    func script(kinds: [BenchColumnKind], result: ResultKind) -> String {
        let list = kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let assign = result == .computed ? "result = fresh_copy(df)" : "result = df"
        return """
            import time as _bench_time
            _bench_t0 = _bench_time.monotonic_ns()
            exec(kargs["checksum_source"])
            _bench_t1 = _bench_time.monotonic_ns()
            table_touch(df, [\(list)])
            _bench_t2 = _bench_time.monotonic_ns()
            _bench_seen = table_checksum(df, [\(list)])
            print("\(Self.marker)", _bench_t0, _bench_t1, _bench_t2, _bench_seen)
            \(assign)
            print("\(Self.marker)_END", _bench_time.monotonic_ns())
            """
    }

    struct Run { var toDF: Double; var fromDF: Double; var roundTrip: Double }

    /// One checked call: the script must have seen `expected`, and the result must check out too.
    func call(_ table: Table, kinds: [BenchColumnKind], expected: String, result: ResultKind) throws(BenchError)
        -> Run
    {
        let text = script(kinds: kinds, result: result)
        let t0 = BenchClock.nanoseconds()
        let output: ScriptOutput
        do {
            output = try supervisor.run(
                table, ScriptRun(script: text, kargsJSON: kargsJSON, sitePackages: sitePackages))
        } catch {
            throw .peer("sandpiper's python() call failed: \(error.description)")
        }
        let t3 = BenchClock.nanoseconds()
        var seen: String?, stamps: [UInt64]?, end: UInt64?
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.first == Substring(Self.marker), parts.count == 5 {
                stamps = parts[1...3].compactMap { UInt64($0) }; seen = String(parts[4])
            }
            if parts.first == Substring(Self.marker + "_END"), parts.count == 2 { end = UInt64(parts[1]) }
        }
        guard let seen, let stamps, stamps.count == 3, let end, t0 <= stamps[0], stamps[0] <= stamps[1],
            stamps[1] <= stamps[2], stamps[2] <= end, end <= t3
        else {
            throw .peer(
                "the bench script's timestamps are missing or out of order in its output: \(output.stdout.prefix(300))")
        }
        guard seen == expected else { throw .checksum("sandpiper: the script saw \(seen), expected \(expected)") }
        let back = BenchDataset.checksum(of: output.table, kinds: kinds)
        guard back == expected else {
            throw .checksum("sandpiper: result (\(result.rawValue)) came back as \(back), expected \(expected)")
        }
        let toDF = Double(stamps[0] - t0 + stamps[2] - stamps[1]) / 1e9, fromDF = Double(t3 - end) / 1e9
        return Run(toDF: toDF, fromDF: fromDF, roundTrip: toDF + fromDF)
    }

    /// For each kind of result: a warm-up call, then `runs` checked calls back to back; stats per
    /// direction and variant (`to-df` is taken from the computed-result calls only: it is the same path).
    func measure(_ table: Table, kinds: [BenchColumnKind], expected: String, runs: Int) throws(BenchError) -> [(
        direction: String, variant: String, stats: BenchStats
    )] {
        var out: [(direction: String, variant: String, stats: BenchStats)] = []
        for result in ResultKind.allCases {
            _ = try call(table, kinds: kinds, expected: expected, result: result)
            var all: [Run] = []
            for _ in 0..<runs { all.append(try call(table, kinds: kinds, expected: expected, result: result)) }
            if result == .computed { out.append(("to-df", result.rawValue, BenchStats(all.map(\.toDF)))) }
            out.append(("from-df", result.rawValue, BenchStats(all.map(\.fromDF))))
            out.append(("round-trip", result.rawValue, BenchStats(all.map(\.roundTrip))))
        }
        return out
    }

    /// The whole `python()` call on a 1-row table: warm worker back to back (each call also waits for
    /// the spare child the previous one started), warm worker 100 ms apart (the spare is ready), then
    /// cold (all workers stopped before each run); `CallBenchmark` runs the calls.
    func measureCall(runs: Int) throws(BenchError) -> (warm: BenchStats, spaced: BenchStats, cold: BenchStats) {
        let s = try CallBenchmark.samples(supervisor: callSupervisor, sitePackages: sitePackages, runs: runs)
        return (
            BenchStats(s.warm.map(\.seconds)), BenchStats(s.spaced.map(\.seconds)), BenchStats(s.cold.map(\.seconds))
        )
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
