import Foundation
import Testing
@testable import Sandbox

/// The seccomp program compiled once in the warm worker (`Confinement.prepare`) and installed as it is by
/// every child; and the timing seam around the steps.
@Suite("Seccomp program built once")
struct SeccompProgramTests {
    @Test("the pre-built program is the one libseccomp generates for the policy, every time")
    func preparedIsCompiled() throws {
        let plan = ConfinementPlan.standard()
        let policy = try #require(plan.seccomp)
        let prepared = try #require(try Confinement.prepare(plan))
        let fresh = try SeccompFilter(policy: policy).compile()
        #expect(prepared == fresh)
        #expect(try SeccompFilter.program(for: policy) == prepared)
        #expect(try SeccompFilter(policy: policy).compile() == fresh, "libseccomp's output is not deterministic")
        // A classic-BPF program (8-byte `sock_filter`s) that starts as every seccomp filter must: loading
        // `seccomp_data.arch` (BPF_LD|BPF_W|BPF_ABS = 0x20, k = offset 4) to judge the architecture first.
        #expect(prepared.bytes.count % 8 == 0 && prepared.instructionCount > 20)
        #expect(Array(prepared.bytes[0..<2]) == [0x20, 0x00] && Array(prepared.bytes[4..<8]) == [4, 0, 0, 0])
        // The policy decides the program: allowing exec drops the execve rules.
        let exec = try SeccompFilter(policy: .standard(allowExec: true)).compile()
        #expect(exec != prepared && exec.instructionCount < prepared.instructionCount)
        #expect(try Confinement.prepare(ConfinementPlan()) == nil)
    }

    @Test("timing the steps keeps their order and times every one")
    func timedStepsKeepTheOrder() throws {
        let plain = RecordingConfinementSteps(), timed = RecordingConfinementSteps()
        let plan = ConfinementPlan.standard(cgroupProcsFiles: ["/sys/fs/cgroup/memory/q/cgroup.procs"])
        try Confinement.apply(plan, using: plain)
        let clock = ConfinementClock()
        try Confinement.apply(plan, using: TimedConfinementSteps(base: timed, clock: clock))
        #expect(timed.steps == plain.steps)
        let names = [
            "descriptors", "session", "deathSignal", "cgroup", "limits", "unshare", "pidNamespace", "hostName",
            "filesystem", "identity", "noNewPrivileges", "landlock", "seccomp",
        ]
        #expect(Set(clock.milliseconds.keys) == Set(names.flatMap { ["confine." + $0, "confine." + $0 + ".cpu"] }))
        #expect(clock.milliseconds.values.allSatisfy { $0 >= 0 })
    }
}
