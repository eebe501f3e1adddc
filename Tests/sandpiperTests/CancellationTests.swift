import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a `python()` call: the script and every process it started stop at once, the query
/// ends with `E_CANCELLED` (not a crash report), and nothing is left running.
@Suite(.serialized)
struct CancellationTests {
    /// Pids whose parent is `pid`.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { e -> Int32? in
            guard let p = Int32(e), let stat = try? String(contentsOfFile: "/proc/\(e)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? p : nil
        }
    }

    /// Alive and not a zombie (a dead process whose new parent has not reaped it yet counts as gone).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    @Test func ctrlCStopsTheScriptAndSaysSo() throws {
        _ = try TestSandboxes.minimal.get()
        let seen = Mutex<[Int32]>([])
        let query =
            "print x = 1 | evaluate python(typeof(*), 'import time\\ntime.sleep(60)\\nresult = df', sandbox = 'minimal')"
        let pressed = Mutex<Date?>(nil)
        let run = try SandpiperBinary.run(["query", query], environment: TestSandboxes.environment) { pid in
            // Wait until the worker has forked the query's child, then press Ctrl-C. A cold worker on a
            // machine loaded by the rest of the suite can take tens of seconds to get there.
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let workers = Self.children(of: pid)
                let queries = workers.flatMap { Self.children(of: $0) }
                if !queries.isEmpty {
                    seen.withLock { $0 = workers + queries }
                    usleep(300_000)
                    break
                }
                usleep(20_000)
            }
            pressed.withLock { $0 = Date() }
            kill(pid, SIGINT)
        }
        let since = pressed.withLock { $0 }.map { Date().timeIntervalSince($0) } ?? .infinity
        #expect(since < 10, "the query did not stop at once after Ctrl-C")
        #expect(run.signal == SIGINT, "status \(run.status), stderr: \(run.stderr)")
        #expect(run.stderr.contains("E_CANCELLED"), "\(run.stderr)")
        #expect(!run.stderr.contains("E_SANDBOX_CRASH"), "\(run.stderr)")
        let pids = seen.withLock { $0 }
        #expect(!pids.isEmpty, "the query's processes were never seen")
        usleep(200_000)
        for p in pids { #expect(!Self.isRunning(p), "process \(p) outlived the interrupted query") }
    }
}

/// A lock around a value, for the test's watcher thread.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
