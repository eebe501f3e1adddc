import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a query that never calls python(): `E_CANCELLED` on standard error at once, and the
/// command ends with the signal's status, as shells expect.
@Suite(.serialized) struct QueryInterruptCommandTests {
    @Test func ctrlCStopsAnEngineQuery() throws {
        // Sorting ten million rows on two keys runs for minutes in a debug build.
        let query = "range x from 1 to 10000000 step 1 | extend y = hash(x) | sort by y asc, x desc | count"
        let signalled = Mutex<Date?>(nil)
        let r = try SandpiperBinary.run(["query", "--timeout", "120s", query]) { pid in
            SandpiperBinary.waitForCPU(pid, seconds: 3)
            signalled.withLock { $0 = Date() }
            kill(pid, SIGINT)
        }
        let ended = Date()
        #expect(r.signal == SIGINT, "status \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("E_CANCELLED: the query was cancelled: stopped by Ctrl-C"), "\(r.stderr)")
        let at = try #require(signalled.withLock { $0 })
        #expect(ended.timeIntervalSince(at) < 3, "\(ended.timeIntervalSince(at)) s from Ctrl-C to the end")
    }

    @Test func aQueryThatEndsBeforeCtrlCIsNotDisturbed() throws {
        let r = try SandpiperBinary.run(["query", "print x = 1"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
    }
}
