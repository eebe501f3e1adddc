import Foundation
import Testing
@testable import Sandbox

/// A seam that records the steps instead of making system calls.
final class RecordingConfinementSteps: ConfinementSteps {
    var steps: [ConfinementStep] = []
    var failing: ConfinementStep?
    var threads = 1

    private func record(_ step: ConfinementStep) throws(ConfinementError) {
        steps.append(step)
        if step == failing { throw .setup(step, "injected failure", errno: 1) }
    }

    func closeFileDescriptors(keeping: [Int32]) throws(ConfinementError) { try record(.closeFileDescriptors) }
    func startNewSession() throws(ConfinementError) { try record(.newSession) }
    func setParentDeathSignal() throws(ConfinementError) { try record(.parentDeathSignal) }
    func joinCgroups(procsFiles: [String]) throws(ConfinementError) { try record(.joinCgroup) }
    func setResourceLimits(_ limits: ConfinementPlan.ResourceLimits) throws(ConfinementError) {
        try record(.resourceLimits)
    }
    func unshareNamespaces(_ namespaces: ConfinementPlan.Namespaces) throws(ConfinementError) {
        try record(.unshareNamespaces)
    }
    func enterPIDNamespace() throws(ConfinementError) { try record(.enterPIDNamespace) }
    func setHostName(_ name: String) throws(ConfinementError) { try record(.hostName) }
    func buildFilesystem(_ view: FilesystemView) throws(ConfinementError) { try record(.filesystem) }
    func dropIdentity(_ identity: ConfinementPlan.Identity) throws(ConfinementError) { try record(.dropIdentity) }
    func setNoNewPrivileges() throws(ConfinementError) { try record(.noNewPrivileges) }
    func restrictWithLandlock(_ policy: LandlockPolicy) throws(ConfinementError) { try record(.landlock) }
    func threadCount() -> Int { threads }
    func installSeccomp(_ policy: SeccompPolicy) throws(ConfinementError) { try record(.seccomp) }
}

@Suite("Confinement step order")
struct ConfinementOrderTests {
    @Test("the standard plan applies every step in DESIGN.md's order, seccomp last")
    func standardOrder() throws {
        let fake = RecordingConfinementSteps()
        try Confinement.apply(.standard(cgroupProcsFiles: ["/sys/fs/cgroup/memory/q/cgroup.procs"]), using: fake)
        #expect(
            fake.steps == [
                .closeFileDescriptors, .newSession, .parentDeathSignal, .joinCgroup, .resourceLimits,
                .unshareNamespaces, .enterPIDNamespace, .hostName, .filesystem, .closeFileDescriptors, .dropIdentity,
                .noNewPrivileges, .landlock, .seccomp,
            ])
    }

    @Test("a failing layer stops everything after it", arguments: [ConfinementStep.joinCgroup, .filesystem, .landlock])
    func failureStops(_ step: ConfinementStep) throws {
        let fake = RecordingConfinementSteps()
        fake.failing = step
        #expect(throws: ConfinementError.self) {
            try Confinement.apply(.standard(cgroupProcsFiles: ["x"]), using: fake)
        }
        #expect(fake.steps.last == step)
        #expect(!fake.steps.contains(.seccomp))
    }

    @Test("the error names the failed step with E_SANDBOX_SETUP")
    func errorShape() {
        let fake = RecordingConfinementSteps()
        fake.failing = .landlock
        do {
            try Confinement.apply(.standard(), using: fake)
            Issue.record("apply succeeded")
        } catch {
            #expect(error.code.rawValue == "E_SANDBOX_SETUP" && error.step == .landlock && error.errno == 1)
            #expect(error.description.contains("landlock"))
        }
    }

    @Test("seccomp is refused in a multi-threaded process")
    func seccompNeedsOneThread() {
        let fake = RecordingConfinementSteps()
        fake.threads = 3
        #expect(throws: ConfinementError.self) { try Confinement.apply(.standard(), using: fake) }
        #expect(fake.steps.last == .landlock)
    }

    @Test("absent parts are skipped; a view without a mount namespace is an error")
    func optionalSteps() throws {
        let fake = RecordingConfinementSteps()
        try Confinement.apply(ConfinementPlan(seccomp: .standard(allowExec: true)), using: fake)
        #expect(
            fake.steps == [
                .closeFileDescriptors, .newSession, .parentDeathSignal, .resourceLimits, .noNewPrivileges, .seccomp,
            ])
        var plan = ConfinementPlan.standard()
        plan.namespaces = nil
        let second = RecordingConfinementSteps()
        #expect(throws: ConfinementError.self) { try Confinement.apply(plan, using: second) }
        #expect(!second.steps.contains(.filesystem))
    }

    @Test("a plan survives JSON (what sandpiper-probe and the zygote receive)")
    func planRoundTrip() throws {
        let plan = ConfinementPlan.standard(
            environment: "/envs/abc", executables: ["/usr/bin/python3"],
            keepFileDescriptors: [0, 1, 2, 5], cgroupProcsFiles: ["/a/cgroup.procs"])
        let decoded = try JSONDecoder().decode(ConfinementPlan.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
        #expect(plan.filesystem?.binds.contains(FilesystemView.Bind("/envs/abc", at: "/sandbox/env")) == true)
        #expect(plan.seccomp?.denyExec == false)
        #expect(ConfinementPlan.standard().seccomp?.denyExec == true)
    }
}

@Suite("Sandbox denials")
struct SandboxDenialTests {
    @Test("refusals become E_SANDBOX_DENIED saying what was refused")
    func refusals() throws {
        let network = try #require(SandboxDenial.error(errno: 1, event: "socket.__new__", argument: "(2, 1, 0)"))
        #expect(network.code.rawValue == "E_SANDBOX_DENIED" && network.message.contains("network access"))
        #expect(SandboxDenial.kind(of: "open", errno: 30) == .fileWrite)
        #expect(SandboxDenial.kind(of: "open", errno: 13) == .fileRead)
        #expect(SandboxDenial.kind(of: "subprocess.Popen", errno: 13) == .execute)
        #expect(SandboxDenial.kind(of: "io_uring_setup", errno: 38) == .kernel)
        #expect(SandboxDenial.kind(of: "socket.getaddrinfo", errno: nil) == .network)
    }

    @Test("ordinary errors are not denials")
    func ordinaryErrors() {
        #expect(SandboxDenial.error(errno: 2, event: "open") == nil)  // ENOENT: a typo, not the sandbox
        #expect(SandboxDenial.error(errno: 1, event: "json.loads") == nil)
        #expect(SandboxDenial.error(errno: nil, event: "socket.connect") == nil)
    }
}
