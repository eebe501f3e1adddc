import Columnar
import Foundation
import Testing
@testable import Sandbox

/// What a script sees inside the confined child, and the controls that must keep working there.
@Suite(
    .serialized, .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct ConfinedRunTests {
    let supervisor = Supervisor()

    func run(_ script: String, memoryMB: Int = 256, kargs: String = "{}") throws -> ScriptOutput {
        try supervisor.run(
            PoolFixture.oneRow,
            ScriptRun(
                script: script, kargsJSON: kargs, sandbox: try PoolFixture.sandbox(memoryMB: memoryMB),
                timeoutMilliseconds: 60_000))
    }

    @Test func theChildRunsConfined() throws {
        let script = """
            import os, socket, sys
            facts = {
                'uid': os.getuid(), 'pid': os.getpid(), 'host': socket.gethostname(),
                'sys': os.path.exists('/sys'), 'run': os.path.exists('/run'), 'home': os.path.exists('/root'),
                'paths': all(os.path.isdir(p) for p in sys.path if p),
                'bytecode': sys.dont_write_bytecode, 'cwd': os.getcwd(),
                'fds': sorted(int(f) for f in os.listdir('/proc/self/fd')),
                'threads': os.environ.get('OPENBLAS_NUM_THREADS'), 'env': sorted(os.environ),
                'seccomp': [l.split()[1] for l in open('/proc/self/status') if l.startswith('Seccomp:')][0],
                'nnp': [l.split()[1] for l in open('/proc/self/status') if l.startswith('NoNewPrivs:')][0],
                'cgroup': open('/proc/self/cgroup').read(),
            }
            result = pd.DataFrame({'k': list(facts), 'v': [str(v) for v in facts.values()]})
            """
        let out = try run(script)
        var facts: [String: String] = [:]
        for r in 0..<out.table.rowCount { facts[out.table.columns[0].string(r)] = out.table.columns[1].string(r) }
        #expect(facts["uid"] == "65534")
        #expect(facts["pid"] == "1")
        #expect(facts["host"] == "sandpiper")
        #expect(facts["sys"] == "False" && facts["run"] == "False" && facts["home"] == "False")
        #expect(facts["paths"] == "True", "sys.path entries missing in the view")
        #expect(facts["bytecode"] == "True")
        // Each run works in a fresh folder of the sandbox's private /tmp (where its external artifacts go).
        #expect(facts["cwd"]?.hasPrefix("/tmp/sandpiper-run-") == true)
        #expect(facts["seccomp"] == "2" && facts["nnp"] == "1")
        #expect(facts["threads"] == "2")
        #expect(facts["env"]?.contains("SANDPIPER") == false)
        #expect(out.unconfinedLayers.isEmpty)
        print(facts)
    }

    @Test("every query child, spare or forked, runs under exactly one seccomp filter that refuses AF_INET")
    func everyChildInstallsTheFilter() throws {
        let script = """
            import socket
            status = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines() if ':' in l)
            try:
                socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                inet = 'created'
            except PermissionError:
                inet = 'refused'
            result = pd.DataFrame({'v': [status['Seccomp'].strip() + ' ' + status['Seccomp_filters'].strip() + ' ' + inet]})
            """
        let forking = Supervisor(configuration: SupervisorConfiguration(spareChildren: false))
        defer { forking.shutdown() }
        var seen: [String] = [], spares = 0
        for supervisor in [self.supervisor, forking] {
            for _ in 0..<4 {
                let out = try supervisor.run(
                    PoolFixture.oneRow, ScriptRun(script: script, sandbox: try PoolFixture.sandbox()))
                seen.append(out.table.columns[0].string(0))
                if out.timings["spare"] == 1 { spares += 1 }
                #expect(out.timings["confine.seccomp"] != nil)
            }
        }
        #expect(seen == Array(repeating: "2 1 refused", count: 8))
        #expect(spares >= 1, "no call ran in a spare child")
    }

    @Test func warmOneRowLatency() throws {
        let run = ScriptRun(script: "result = df", sandbox: try PoolFixture.sandbox())
        _ = try supervisor.run(PoolFixture.oneRow, run)
        var times: [Double] = [], confine: [Double] = []
        for _ in 0..<20 {
            let t0 = Date()
            let out = try supervisor.run(PoolFixture.oneRow, run)
            times.append(Date().timeIntervalSince(t0) * 1000)
            confine.append(out.timings["confine"] ?? -1)
        }
        confine.sort()
        print("confinement in the child: median \(confine[10]) ms")
        times.sort()
        print("warm confined 1-row python() call: median \(times[10]) ms, min \(times[0]) ms, max \(times[19]) ms")
        #expect(times[10] < 1000)
    }
}
