import Columnar
import Foundation
import SharedTable
import Testing
@testable import Sandbox

/// End to end through the confined worker, on the `minimal` sandbox (see `PoolFixture`).
@Suite(
    .serialized, .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct SupervisorTests {
    let supervisor = Supervisor()
    var env: [String] { (try? PoolFixture.minimal.get())?.sitePackages ?? [] }

    static let input = Table([
        ("x", Column(int64s: [1, 2, 3])),
        ("r", Column(reals: [0.5, 1.5, 2.5], valid: [true, false, true])),
        ("s", Column(strings: ["a", nil, "héllo"])),
        ("t", Column(type: .datetime, int64s: [0, 1_700_000_000_000_000_000, 5], valid: [true, true, false])),
        ("b", Column(bools: [true, false, true], valid: [true, true, false])),
        (
            "d",
            Column(
                type: .dynamic,
                values: [
                    .dynamic(.bag(PropertyBag([("k", .long(1))]))), .dynamic(.null),
                    .dynamic(.array([.long(1), .string("z")])),
                ])
        ),
    ])

    @Test func resultEqualsDfRoundTripsEveryColumn() throws {
        let out = try supervisor.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        #expect(out.table.schema == Self.input.schema)
        for (a, b) in zip(out.table.rows, Self.input.rows) { #expect(a == b) }
    }

    @Test func inPlaceModificationStaysInTheChild() throws {
        let script = "df['x'] *= 10\ndf.loc[0, 'r'] = 7.0\nresult = df[['x', 'r']]"
        let out = try supervisor.run(Self.input, ScriptRun(script: script, sitePackages: env))
        #expect(out.table.columns[0].longs.map { $0 } == [10, 20, 30])
        #expect(out.table.columns[1].reals[0] == 7.0)
        #expect(Self.input.columns[0].longs.map { $0 } == [1, 2, 3])
        #expect(Self.input.columns[1].reals[0] == 0.5)
    }

    @Test func anExceptionReportsTheScriptLine() throws {
        let script = "a = 1\nb = 0\n\nc = a / b\nresult = df\n"
        #expect {
            try supervisor.run(Self.input, ScriptRun(script: script, sitePackages: env))
        } throws: { error in
            guard let e = error as? SupervisorError, case .python(let f) = e.kind else { return false }
            return e.code.rawValue == "E_PYTHON" && f.type == "ZeroDivisionError" && f.line == 4
                && f.traceback.contains("File \"<script>\", line 4")
        }
    }

    @Test func aSyntaxErrorReportsItsLine() throws {
        #expect {
            try supervisor.run(Self.input, ScriptRun(script: "x = 1\nresult = df[\n", sitePackages: env))
        } throws: { error in
            guard let e = error as? SupervisorError, case .python(let f) = e.kind else { return false }
            return f.type == "SyntaxError" && f.line == 2
        }
    }

    @Test func aMissingOrWrongResultIsE_RESULT() throws {
        #expect { try supervisor.run(Self.input, ScriptRun(script: "x = 1", sitePackages: env)) } throws: {
            ($0 as? SupervisorError)?.code.rawValue == "E_RESULT" && "\($0)".contains("did not assign")
        }
        #expect { try supervisor.run(Self.input, ScriptRun(script: "result = 42", sitePackages: env)) } throws: {
            ($0 as? SupervisorError)?.code.rawValue == "E_RESULT" && "\($0)".contains("'result' is a int")
        }
    }

    @Test func printKargsAndNewColumnsComeBack() throws {
        let script = """
            print('rows', len(df))
            result = pd.DataFrame({'k': [kargs['n']] * 2, 'f': [1.5, None], 'when': pd.to_datetime(['2024-01-01T00:00:00Z', None]),
                                   'obj': [{'a': [1, 2]}, None], 'i': pd.array([1, None], dtype='Int64')})
            """
        let out = try supervisor.run(Self.input, ScriptRun(script: script, kargsJSON: #"{"n": 5}"#, sitePackages: env))
        #expect(out.stdout == "rows 3\n")
        #expect(
            out.table.schema
                == Schema([
                    Field("k", .long), Field("f", .real), Field("when", .datetime), Field("obj", .dynamic),
                    Field("i", .long),
                ]))
        #expect(
            out.table.row(0) == [
                .long(5), .real(1.5), .datetime(1_704_067_200_000_000_000),
                .dynamic(.bag(PropertyBag([("a", .array([.long(1), .long(2)]))]))), .long(1),
            ])
        #expect(out.table.row(1) == [.long(5), .null, .null, .dynamic(.null), .null])
    }

    @Test func aScriptOverItsTimeLimitIsKilled() throws {
        let t0 = Date()
        #expect {
            try supervisor.run(
                Self.input,
                ScriptRun(script: "import time\ntime.sleep(30)", sitePackages: env, timeoutMilliseconds: 500))
        } throws: {
            ($0 as? SupervisorError)?.code.rawValue == "E_SANDBOX_TIMEOUT"
        }
        // Far below the 30 s sleep, with room for a loaded machine (14 s seen at load 30).
        #expect(Date().timeIntervalSince(t0) < 25)
        // The worker still serves the next query.
        _ = try supervisor.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
    }

    @Test func aDeadZygoteIsRestarted() throws {
        _ = try supervisor.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        let old = supervisor.workerPids
        #expect(old.count == 1)
        kill(old[0], SIGKILL)
        // The zygote is dead once it is a zombie; on a loaded machine tearing down its memory takes a while.
        let deadline = Date().addingTimeInterval(10)
        while !RSSWatchdog.isZombie(old[0]) && Date() < deadline { usleep(10_000) }
        let out = try supervisor.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        #expect(out.table.rowCount == 3)
        #expect(supervisor.workerPids.count == 1 && supervisor.workerPids != old)
    }

    @Test func partitionsRunInParallelChildren() throws {
        let big = Table([("x", Column(int64s: Array(0..<1000)))])
        let outs = try supervisor.run(
            big, partitions: [0..<512, 512..<1000],
            ScriptRun(
                script:
                    "import os\nresult = pd.DataFrame({'n': [len(df)], 's': [int(df['x'].sum())], 'id': [int.from_bytes(os.urandom(7), 'little')]})",
                sitePackages: env))
        #expect(outs.map { $0.table.columns[0].longs[0] } == [512, 488])
        #expect(outs.map { $0.table.columns[1].longs[0] }.reduce(0, +) == 499_500)
        #expect(outs[0].table.columns[2].longs[0] != outs[1].table.columns[2].longs[0])
    }

    @Test func aHundredCallsLeaveNothingBehind() throws {
        let local = Supervisor()
        _ = try local.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        local.settle()  // the spare for the next query (one socket) is counted in before
        let fdsBefore = ProcessResources.openFDs()
        for i in 0..<100 {
            let out = try local.run(Self.input, ScriptRun(script: "result = df.assign(i=\(i))", sitePackages: env))
            #expect(out.table.rowCount == 3)
        }
        usleep(100_000)
        local.settle()
        let zygote = local.workerPids[0]
        // Only the spare child made for the next query remains (one per sandbox).
        let spares = local.sparePids
        #expect(spares.count <= 1)
        #expect(ProcessResources.children(of: zygote).filter { !spares.contains($0) }.isEmpty)
        #expect(LeakCheck.queryCgroups(of: local).isEmpty)
        // Only the bounded pool of idle regions may remain open between calls. Other suites run in this
        // process meanwhile and open a few fds and memfds of their own (`concurrent`); a leak per call would
        // show up as 100 more.
        let concurrent = 4
        #expect(ProcessResources.openFDs().count <= fdsBefore.count + local.pool.maxIdle + concurrent)
        local.shutdown()
        #expect(ProcessResources.children(of: getpid()).filter { $0 == zygote }.isEmpty)
        #expect(
            ProcessResources.openFDs().filter { $0.contains("memfd:") }.count
                <= fdsBefore.filter { $0.contains("memfd:") }.count + concurrent)
        #expect(kill(zygote, 0) != 0)
        #expect(spares.allSatisfy { kill($0, 0) != 0 })
        #expect(local.sparePids.isEmpty)
        #expect(LeakCheck.queryCgroups(of: local).isEmpty)
    }

    @Test func aSpareTakesTheNextQueryAndItsCeiling() throws {
        let local = Supervisor()
        defer { local.shutdown() }
        let sandbox = try PoolFixture.sandbox(memoryMB: 256)
        _ = try local.run(PoolFixture.oneRow, ScriptRun(script: "result = df", sandbox: sandbox))
        for _ in 0..<200 where local.sparePids.isEmpty { usleep(10_000) }
        let spare = try #require(local.sparePids.first)
        // The spare runs the next call, under that call's own (lower) ceiling: 160 MiB passes the
        // policy's 256 but not the call's kickout of 100.
        var failure: SupervisorError?
        do {
            _ = try local.run(
                PoolFixture.oneRow,
                ScriptRun(
                    script: "a = np.ones((160 << 20) // 8)\nresult = df", sandbox: sandbox,
                    kickoutMiB: 100))
        } catch { failure = error }
        #expect(failure?.code.rawValue == "E_SANDBOX_KICKOUT", "\(String(describing: failure))")
        #expect(!local.sparePids.contains(spare))
        #expect(kill(spare, 0) != 0 || ProcessResources.isZombie(spare))
        // The next spare is made under the policy's ceiling again, so the same array now fits.
        for _ in 0..<200 where local.sparePids.isEmpty { usleep(10_000) }
        let out = try local.run(
            PoolFixture.oneRow, ScriptRun(script: "a = np.ones((160 << 20) // 8)\nresult = df", sandbox: sandbox))
        #expect(out.table.rowCount == 1)
        #expect(out.timings["spare"] == 1)
    }

    @Test func aDeadSpareIsReplacedByAForkedChild() throws {
        let local = Supervisor()
        defer { local.shutdown() }
        _ = try local.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        local.settle()
        let spare = try #require(local.sparePids.first)
        kill(spare, SIGKILL)
        usleep(50_000)
        let out = try local.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        #expect(out.table.rowCount == 3)
        #expect(out.timings["spare"] == nil)
        #expect(LeakCheck.queryCgroups(of: local).isEmpty)
        #expect(!local.sparePids.contains(spare))
    }

    @Test func withoutSparesEveryCallForksItsOwnChild() throws {
        let local = Supervisor(configuration: SupervisorConfiguration(spareChildren: false))
        defer { local.shutdown() }
        for i in 0..<3 {
            let out = try local.run(Self.input, ScriptRun(script: "result = df.assign(i=\(i))", sitePackages: env))
            #expect(out.table.rowCount == 3)
        }
        #expect(local.sparePids.isEmpty)
    }
}

/// What this process holds, read from /proc.
enum ProcessResources {
    /// Targets of this process's open fds, less the memfds of column buffers: those belong to tables
    /// (other suites' ones, and BufferMemory's cache of freed blocks), not to queries.
    static func openFDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
            .filter { !$0.hasPrefix("/memfd:sandpiper-column") }
    }

    static func isZombie(_ pid: Int32) -> Bool { RSSWatchdog.isZombie(pid) }

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
}
