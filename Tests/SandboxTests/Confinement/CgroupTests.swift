import Foundation
import Testing
@testable import Sandbox

/// The cgroup hierarchy of this machine, if one is usable.
enum CgroupFixture {
    static let controller: CgroupController? = try? CgroupController.detect().get()
}

/// The supervisor's side: per-query cgroups with a memory ceiling (kickout), a pids limit, the
/// verdict from the cgroup's counters, and nothing left behind. Children run through sandpiper-probe.
@Suite(
    "Cgroups and kickout", .serialized,
    .enabled(if: ProbeHarness.probeAvailable, "needs the built sandpiper-probe"),
    .enabled(if: ProbeHarness.pythonAvailable, "needs Debian's /usr/bin/python3"),
    .enabled(if: CgroupFixture.controller != nil, "needs a writable cgroup hierarchy with memory and pids"))
struct CgroupTests {
    static let ceiling: UInt64 = 256 << 20

    private func withCgroup(_ limits: CgroupLimits, _ body: (QueryCgroup) throws -> Void) throws {
        let controller = try #require(CgroupFixture.controller)
        let cgroup = try controller.create(
            name: "sandpiper-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", limits: limits)
        defer {
            try? cgroup.remove()
            for directory in cgroup.directories.values {
                #expect(!FileManager.default.fileExists(atPath: directory), "\(directory) was left behind")
            }
        }
        try body(cgroup)
    }

    private func plan(_ cgroup: QueryCgroup) -> ConfinementPlan {
        .standard(executables: [ProbeHarness.python], cgroupProcsFiles: cgroup.procsFiles)
    }

    @Test("a child allocating beyond 256 MB is OOM-killed; the verdict says so, peak within 5%")
    func kickout() throws {
        try withCgroup(CgroupLimits(memoryBytes: Self.ceiling)) { cgroup in
            let outcome = try ProbeHarness.runPython("x = b'\\x01' * (400 << 20)\nprint('ESCAPED')", plan: plan(cgroup))
            #expect(outcome.signal == SIGKILL, "\(outcome)")
            let verdict = cgroup.verdict()
            #expect(verdict.oomKilled && verdict.oomKillCount >= 1, "\(verdict)")
            let peak = try #require(verdict.peakBytes)
            #expect(
                Double(peak) >= Double(Self.ceiling) * 0.95 && Double(peak) <= Double(Self.ceiling) * 1.05,
                "peak \(peak)")
            #expect(verdict.kickout?.code.rawValue == "E_SANDBOX_KICKOUT")
            #expect(cgroup.processes().isEmpty)
        }
    }

    @Test("a child staying at 80% of the ceiling finishes")
    func belowCeiling() throws {
        try withCgroup(CgroupLimits(memoryBytes: Self.ceiling)) { cgroup in
            let outcome = try ProbeHarness.runPython(
                "x = b'\\x01' * \(Self.ceiling * 8 / 10)\nprint(len(x))", plan: plan(cgroup))
            #expect(outcome.exitCode == 0 && outcome.stdout == "\(Self.ceiling * 8 / 10)\n", "\(outcome)")
            let verdict = cgroup.verdict()
            #expect(!verdict.oomKilled && verdict.kickout == nil, "\(verdict)")
            #expect((verdict.peakBytes ?? 0) >= Self.ceiling * 8 / 10)
        }
    }

    @Test("a fork bomb meets the pids limit, and everything it started ends with the script")
    func forkBomb() throws {
        try withCgroup(CgroupLimits(memoryBytes: Self.ceiling, maxProcesses: 24)) { cgroup in
            let code = """
                import os, time
                started = refused = 0
                for _ in range(200):
                    try:
                        if os.fork() == 0:
                            time.sleep(60); os._exit(0)
                        started += 1
                    except BlockingIOError:
                        refused += 1
                print(started, refused, flush=True)
                """
            let outcome = try ProbeHarness.runPython(code, plan: plan(cgroup), timeout: 30)
            #expect(outcome.exitCode == 0, "\(outcome)")
            let counts = outcome.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            #expect(counts.count == 2 && counts[0] < 24 && counts[1] > 0, "\(outcome)")
            // pid 1 of the namespace exited: the kernel killed the sleepers.
            var left = cgroup.processes()
            for _ in 0..<100 where !left.isEmpty { usleep(10_000); left = cgroup.processes() }
            #expect(left.isEmpty, "processes left: \(left)")
        }
    }

    @Test("killAll empties a cgroup with a running child")
    func killAll() throws {
        try withCgroup(CgroupLimits(memoryBytes: Self.ceiling)) { cgroup in
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var outcome: ProbeHarness.Outcome?
            let thread = Thread {
                outcome = try? ProbeHarness.runPython(
                    "import time\nprint('up', flush=True)\ntime.sleep(60)", plan: plan(cgroup))
                done.signal()
            }
            thread.start()
            for _ in 0..<500 where cgroup.processes().count < 2 { usleep(10_000) }
            #expect(cgroup.processes().count >= 2)
            #expect(cgroup.killAll())
            #expect(done.wait(timeout: .now() + 10) == .success)
            #expect(outcome?.signal == SIGKILL, "\(String(describing: outcome))")
        }
    }
}

@Suite("RSS watchdog", .serialized, .enabled(if: ProbeHarness.pythonAvailable, "needs Debian's /usr/bin/python3"))
struct RSSWatchdogTests {
    @Test("kills a process tree above the ceiling and reports the peak")
    func killsAboveCeiling() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProbeHarness.python)
        process.arguments = ["-c", "import os, time\nif os.fork() == 0:\n    x = b'1' * (300 << 20)\ntime.sleep(30)"]
        try process.run()
        let verdict = RSSWatchdog(rootPID: process.processIdentifier, limitBytes: 150 << 20).watch()
        process.waitUntilExit()
        #expect(verdict.exceeded && verdict.peakBytes > 150 << 20, "\(verdict)")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(verdict.kickout?.code.rawValue == "E_SANDBOX_KICKOUT")
    }

    @Test("returns quietly when the process ends below the ceiling")
    func quietBelowCeiling() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProbeHarness.python)
        process.arguments = ["-c", "x = b'1' * (20 << 20)"]
        try process.run()
        let verdict = RSSWatchdog(rootPID: process.processIdentifier, limitBytes: 150 << 20).watch()
        process.waitUntilExit()
        #expect(!verdict.exceeded && process.terminationStatus == 0, "\(verdict)")
    }
}

@Suite("Kernel probe")
struct KernelProbeTests {
    @Test("reports every layer, and agrees with the cgroup controller and Landlock")
    func consistent() throws {
        let probe = KernelProbe.current()
        #expect(
            probe.layers.map(\.name) == ["cgroup", "namespaces", "memfd_noexec", "identity", "landlock", "seccomp"])
        #expect(probe.landlockABI == LandlockRuleset.abiVersion())
        #expect((probe.cgroupVersion != nil) == (CgroupFixture.controller != nil))
        let decoded = try JSONDecoder().decode(KernelProbe.self, from: JSONEncoder().encode(probe))
        #expect(decoded == probe)
        if getuid() == 0 { #expect(probe.namespaces["net"] == true && probe.namespaces["mount"] == true) }
    }
}
