import Foundation
import Testing

@testable import Sandbox

/// The defaults a user meets: the policy a spec without `[policy]` gets, and which sandbox is the default.
@Suite struct SandboxDefaultsTests {
    static let gib: UInt64 = 1 << 30

    /// memory = a quarter of physical memory within 200...20480 MiB; pool = cores within 1...16; the rest ADX's.
    @Test func thePolicyIsScaledToTheMachine() {
        let laptop = SandboxPolicy.scaled(physicalMemoryBytes: 24 * Self.gib, cores: 2)
        #expect(laptop.memoryMB == 6144)
        #expect(laptop.poolSize == 2)
        #expect(laptop.cpuPercent == 50 && laptop.timeoutSeconds == 240 && !laptop.initializeOnStartup)
        let server = SandboxPolicy.scaled(physicalMemoryBytes: 512 * Self.gib, cores: 96)
        #expect(server.memoryMB == 20480 && server.poolSize == 16)
        let tiny = SandboxPolicy.scaled(physicalMemoryBytes: 512 << 20, cores: 0)
        #expect(tiny.memoryMB == 200 && tiny.poolSize == 1)
        #expect(throws: Never.self) { try laptop.validate() }
    }

    @Test func aSpecWithoutPolicyGetsTheMachineDefaults() throws {
        let spec = try SandboxSpec(
            data: Data("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1.26.4\"]\n".utf8), source: "t.toml")
        #expect(spec.policy == SandboxPolicy.forThisMachine)
        let partial = try SandboxSpec(
            data: Data(
                "name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1.26.4\"]\n[policy]\ntimeout-seconds = 30\n"
                    .utf8),
            source: "t.toml")
        #expect(partial.policy.timeoutSeconds == 30)
        #expect(partial.policy.memoryMB == SandboxPolicy.forThisMachine.memoryMB)
    }

    func registry(_ names: [String], chosen: String?) throws -> SandboxRegistry {
        let home = SandboxHome(
            root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sandpiper-default-\(UUID())"))
        try RegistryFile.withLock(home) { (r: inout RegistryFile) throws(SandboxError) in
            for name in names {
                r.sandboxes[name] = RegistryEntry(
                    name: name, archiveSHA256: "0", archiveFile: "0.tar.zst", source: "test", policy: .default)
            }
            r.defaultName = chosen
        }
        return SandboxRegistry(home: home)
    }

    @Test func removingTheDefaultIsReported() throws {
        let chosen = try registry(["a", "b"], chosen: "a")
        defer { try? FileManager.default.removeItem(at: chosen.home.root) }
        #expect(try chosen.remove("b") == false)
        #expect(try chosen.remove("a") == true)
        #expect(try chosen.chosenDefaultName() == nil)
        // With none chosen, the built-in default is the default.
        let builtin = try registry([SandboxRegistry.builtinDefault, "c"], chosen: nil)
        defer { try? FileManager.default.removeItem(at: builtin.home.root) }
        #expect(try builtin.remove("c") == false)
        #expect(try builtin.remove(SandboxRegistry.builtinDefault) == true)
        #expect(SandboxText.removedDefault("a").hasPrefix("warning: a was the default sandbox;"))
    }

    @Test func theCurrentDefaultIsShown() throws {
        let empty = try registry([], chosen: nil)
        defer { try? FileManager.default.removeItem(at: empty.home.root) }
        #expect(
            try SandboxText.currentDefault(empty) == """
                default sandbox: python3.11.7 (built-in; choose another with `sandpiper sandbox default NAME`)
                warning: python3.11.7 is not registered; python() calls that name no sandbox fail until it is built

                """)
        let chosen = try registry(["a"], chosen: "a")
        defer { try? FileManager.default.removeItem(at: chosen.home.root) }
        #expect(try SandboxText.currentDefault(chosen) == "default sandbox: a\n")
    }

    @Test func aMissingProbeIsACodedErrorNotAFoundationOne() {
        let verification = DoctorVerification.run(probe: "/nonexistent/sandpiper-probe")
        #expect(!verification.passed)
        let error = verification.error ?? ""
        #expect(error.hasPrefix("E_SANDBOX_PROBE: /nonexistent/sandpiper-probe does not exist;"), "\(error)")
        #expect(!error.contains("NSCocoaErrorDomain") && !error.contains("Error Domain"))
    }
}
