import Bench
import Columnar
import Glibc
import Sandbox

/// The warm end-to-end measurement of `sandpiper-worker bench`: a 1-row `python()` call through
/// the supervisor (write input, fork a child from the zygote, run `result = df`, read the result).
enum BenchEndToEnd {
    static func run(sitePackages: [String], workerPath: String) throws {
        let supervisor = Supervisor(workerExecutable: workerPath)
        defer { supervisor.shutdown() }
        let table = Table([("x", Column(int64s: [42])), ("s", Column(strings: ["a"]))])
        let run = ScriptRun(script: "result = df", sitePackages: sitePackages, timeoutMilliseconds: 30_000)
        let t0 = BenchClock.milliseconds()
        _ = try supervisor.run(table, run)
        let cold = BenchClock.milliseconds() - t0
        var times: [Double] = []
        for _ in 0..<200 {
            let t = BenchClock.milliseconds()
            let out = try supervisor.run(table, run)
            times.append(BenchClock.milliseconds() - t)
            guard out.table.columns[0].longs[0] == 42, out.table.columns[1].string(0) == "a" else {
                print("end-to-end: WRONG result"); return
            }
        }
        times.sort()
        print(
            String(
                format:
                    "warm 1-row python() call end to end: median %.2f ms, p90 %.2f ms, min %.2f ms (cold start with imports %.0f ms)",
                times[times.count / 2], times[times.count * 9 / 10], times[0], cold))
    }
}
