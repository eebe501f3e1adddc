import Columnar
import Foundation
import Testing
@testable import Sandbox

/// Kickout, time limit, throttling and unsafe mode through real scripts in the `minimal` sandbox.
@Suite(
    .serialized, .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct LimitsTests {
    static let shared = Supervisor()
    var supervisor: Supervisor { Self.shared }

    func run(
        _ script: String, policyMB: Int = 1024, kickoutMB: Int? = nil, timeoutSeconds: Int = 30,
        on supervisor: Supervisor? = nil
    ) throws(SupervisorError) -> ScriptOutput {
        let sandbox =
            (try? PoolFixture.sandbox(memoryMB: policyMB, timeoutSeconds: timeoutSeconds))
            ?? .inferred(sitePackages: [])
        return try (supervisor ?? self.supervisor).run(
            PoolFixture.oneRow,
            ScriptRun(
                script: script, sandbox: sandbox,
                kickoutMiB: kickoutMB.map { UInt64($0) }))
    }

    func expectKickout(_ script: String, kickoutMB: Int, _ what: String) throws -> SupervisorError {
        var failure: SupervisorError?
        do { _ = try run(script, kickoutMB: kickoutMB) } catch { failure = error }
        let error = try #require(failure, "\(what) was not stopped")
        #expect(error.code.rawValue == "E_SANDBOX_KICKOUT", "\(what): \(error.code) \(error.message)")
        #expect(
            error.message.contains("\(kickoutMB) MiB") && error.message.contains("peak")
                && error.message.contains(" s)"))
        #expect(error.hint?.contains("sandpiper sandbox policy") == true)
        return error
    }

    @Test func twiceTheCeilingIsKickedOutWithAPeakAtTheCeiling() throws {
        let error = try expectKickout("a = np.ones((512 << 20) // 8)\nresult = df", kickoutMB: 256, "512 MiB under 256")
        guard case .kickout(let limit, let peak, _) = error.kind else {
            Issue.record("not a kickout: \(error)"); return
        }
        #expect(limit == 256 << 20)
        let measured = try #require(peak)
        #expect(
            Double(measured) >= Double(limit) * 0.95 && Double(measured) <= Double(limit) * 1.05, "peak \(measured)")
        // The zygote is untouched and serves the next query.
        #expect(try run("result = df").table.rowCount == 1)
    }

    /// What the script printed before it was kicked out is kept (from the query's transcript).
    @Test func printOutputSurvivesAKickout() throws {
        let error = try expectKickout(
            "print('allocating 512 MiB')\na = np.ones((512 << 20) // 8)\nresult = df", kickoutMB: 256, "printing")
        #expect(error.scriptOutput == "allocating 512 MiB\n", "\(String(describing: error.scriptOutput))")
    }

    @Test func eightyPercentOfTheCeilingFinishes() throws {
        let base = try run("result = df", kickoutMB: 256)
        let baseline = try #require(base.peakMemoryBytes)
        print("peak of `result = df`: \(baseline >> 20) MiB")
        // 80 % of the ceiling in all: the script's array on top of what any query uses.
        let array = (256 << 20) * 8 / 10 - Int(baseline)
        let out = try run("a = np.ones(\(array) // 8)\nresult = pd.DataFrame({'s': [float(a.sum())]})", kickoutMB: 256)
        #expect(out.table.columns[0].reals[0] == Double(array / 8))
        #expect((out.peakMemoryBytes ?? 0) < 256 << 20)
    }

    @Test func kickoutNeverRaisesThePolicy() throws {
        _ = try expectKickout("a = np.ones((300 << 20) // 8)\nresult = df", kickoutMB: 256, "300 MiB under 256")
        var failure: SupervisorError?
        do { _ = try run("a = np.ones((300 << 20) // 8)\nresult = df", policyMB: 256, kickoutMB: 4096) } catch {
            failure = error
        }
        #expect(failure?.code.rawValue == "E_SANDBOX_KICKOUT")
        #expect(failure?.message.contains("256 MiB") == true)
    }

    @Test func aHugeSparseMappingIsStoppedWhenTouched() throws {
        let script = """
            import mmap
            m = mmap.mmap(-1, 16 << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, 'MAP_NORESERVE', 0x4000))
            for i in range(0, 2 << 30, 4096):
                m[i] = 1
            result = df
            """
        _ = try expectKickout(script, kickoutMB: 256, "16 GiB MAP_NORESERVE, 2 GiB touched")
    }

    @Test func aScriptOverItsTimeLimitIsStoppedWithItsChildren() throws {
        let t0 = Date()
        var failure: SupervisorError?
        do {
            _ = try run(
                "import os, time\nif os.fork() == 0:\n    time.sleep(60)\ntime.sleep(60)\nresult = df",
                timeoutSeconds: 1)
        } catch { failure = error }
        #expect(failure?.code.rawValue == "E_SANDBOX_TIMEOUT")
        #expect(Date().timeIntervalSince(t0) < 5)
        #expect(supervisor.runningQueryPids.isEmpty)
        #expect(LeakCheck.queryCgroups(of: supervisor).isEmpty)
        #expect(try run("result = df").table.rowCount == 1)
    }

    @Test func aPoolOfOneThrottlesTheSecondQuery() throws {
        let local = Supervisor(configuration: SupervisorConfiguration(throttleWaitMilliseconds: 500))
        defer { local.shutdown() }
        let sandbox = try PoolFixture.sandbox(poolSize: 1)
        _ = try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
        let slow = Thread.detachedResult {
            try local.run(
                PoolFixture.oneRow, ScriptRun(script: "import time\ntime.sleep(3)\nresult = df", sandbox: sandbox))
        }
        usleep(500_000)
        var failure: SupervisorError?
        do { _ = try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox)) } catch {
            failure = error
        }
        #expect(failure?.code.rawValue == "E_SANDBOX_THROTTLED", "\(String(describing: failure))")
        #expect(failure?.message.contains("minimal") == true)
        #expect((try slow.wait()).table.rowCount == 1)
        // With the slot free again, the next query runs.
        #expect(
            try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox)).table.rowCount == 1)
    }

    @Test func aQueuedQueryRunsWhenASlotFreesInTime() throws {
        let local = Supervisor(configuration: SupervisorConfiguration(throttleWaitMilliseconds: 10_000))
        defer { local.shutdown() }
        let sandbox = try PoolFixture.sandbox(poolSize: 1)
        _ = try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
        let slow = Thread.detachedResult {
            try local.run(
                PoolFixture.oneRow, ScriptRun(script: "import time\ntime.sleep(1)\nresult = df", sandbox: sandbox))
        }
        usleep(300_000)
        #expect(
            try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox)).table.rowCount == 1)
        #expect((try slow.wait()).table.rowCount == 1)
    }

    @Test func shutdownStopsARunningQueryAtOnce() throws {
        let local = Supervisor()
        let sandbox = try PoolFixture.sandbox()
        let slow = Thread.detachedResult {
            try local.run(
                PoolFixture.oneRow, ScriptRun(script: "import time\ntime.sleep(30)\nresult = df", sandbox: sandbox))
        }
        let deadline = Date().addingTimeInterval(20)
        while local.runningQueryPids.isEmpty, Date() < deadline { usleep(20_000) }
        let child = try #require(local.runningQueryPids.first)
        let t0 = Date()
        // What the SIGINT/SIGTERM handler runs for every supervisor (`shutdownAll`); only this one
        // here, since other suites run their own supervisors at the same time.
        local.shutdown()
        #expect(throws: SupervisorError.self) { try slow.wait() }
        #expect(Date().timeIntervalSince(t0) < 3)
        usleep(100_000)
        #expect(kill(child, 0) != 0)
        #expect(local.workerPids.isEmpty)
        #expect(LeakCheck.queryCgroups(of: local).isEmpty)
    }

    @Test func aKilledZygoteFailsTheQueryInFlightAndIsReplaced() throws {
        let local = Supervisor()
        defer { local.shutdown() }
        let sandbox = try PoolFixture.sandbox()
        _ = try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
        let zygote = try #require(local.workerPids.first)
        let slow = Thread.detachedResult {
            try local.run(
                PoolFixture.oneRow, ScriptRun(script: "import time\ntime.sleep(30)\nresult = df", sandbox: sandbox))
        }
        usleep(1_000_000)
        kill(zygote, SIGKILL)
        var failure: SupervisorError?
        do { _ = try slow.wait() } catch { failure = error as? SupervisorError }
        #expect(failure?.code.rawValue == "E_SANDBOX_CRASH")
        #expect(failure?.message.contains("died while the query ran") == true, "\(String(describing: failure))")
        #expect(
            try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox)).table.rowCount == 1)
        #expect(local.workerPids.first != zygote)
        #expect(LeakCheck.queryCgroups(of: local).isEmpty)
    }

    @Test func withoutTheNetworkLayersPythonRefusesUnlessUnsafeIsAsked() throws {
        var probe = Supervisor.machineProbe
        probe.namespaces["net"] = false
        probe.seccomp = false
        let sandbox = try PoolFixture.sandbox()
        let strict = Supervisor(configuration: SupervisorConfiguration(probe: probe))
        defer { strict.shutdown() }
        var failure: SupervisorError?
        do { _ = try strict.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox)) } catch {
            failure = error
        }
        #expect(failure?.code.rawValue == "E_SANDBOX_UNAVAILABLE")
        #expect(failure?.message.contains("seccomp") == true && failure?.hint?.contains("--unsafe-no-sandbox") == true)
        #expect(strict.workerPids.isEmpty, "no worker may start when python() refuses")

        let unsafe = Supervisor(configuration: SupervisorConfiguration(allowUnconfined: true, probe: probe))
        defer { unsafe.shutdown() }
        let out = try unsafe.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
        #expect(out.table.rowCount == 1)
        #expect(out.unconfinedLayers.contains("seccomp"))
    }

    @Test func theRSSWatchdogIsTheFallbackWithoutCgroups() throws {
        let local = Supervisor(configuration: SupervisorConfiguration(useCgroups: false))
        defer { local.shutdown() }
        var failure: SupervisorError?
        do {
            _ = try run(
                "a = np.ones((1024 << 20) // 8)\nimport time\ntime.sleep(2)\nresult = df", kickoutMB: 256, on: local)
        } catch { failure = error }
        #expect(failure?.code.rawValue == "E_SANDBOX_KICKOUT")
        #expect(failure?.message.contains("RSS watchdog") == true)
        #expect(try run("result = df", on: local).table.rowCount == 1)
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func detachedResult<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> AsyncResult<T> {
        let result = AsyncResult<T>()
        Thread.detachNewThread { result.set(Result { try body() }) }
        return result
    }
}

/// A value set once by another thread.
final class AsyncResult<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Result<T, any Error>?
    func set(_ v: Result<T, any Error>) { condition.lock(); value = v; condition.broadcast(); condition.unlock() }
    func wait() throws -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return try value!.get()
    }
}

/// What queries could leave behind, read from the kernel.
enum LeakCheck {
    /// This process's query cgroups still present, in any hierarchy, once the teardowns under way
    /// are done, but those of the spare child waiting for the next query.
    static func queryCgroups(of supervisor: Supervisor) -> [String] {
        guard let controller = Supervisor.machineCgroups else { return [] }
        supervisor.settle()
        let spares = Set(supervisor.spareCgroupDirectories)
        var found: [String] = []
        for parent in Set(controller.parents.values) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            found += names.filter { $0.hasPrefix(supervisor.cgroupPrefix) }.map { parent + "/" + $0 }.filter {
                !spares.contains($0)
            }
        }
        return found
    }
}
