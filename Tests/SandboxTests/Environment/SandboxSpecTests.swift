import Foundation
import Testing
@testable import Sandbox

@Suite struct SandboxSpecTests {
    func parse(_ text: String) throws(SandboxError) -> SandboxSpec {
        try SandboxSpec(data: Data(text.utf8), source: "test.toml")
    }

    let valid = """
        name = "t"
        abi = "cp311"
        requirements = ["numpy==1.26.4", "pandas[performance]==2.2.2"]
        [policy]
        memory-mb = 1024
        """

    @Test func parsesAValidSpec() throws {
        let spec = try parse(valid)
        #expect(spec.name == "t")
        #expect(spec.requirements.map(\.description) == ["numpy==1.26.4", "pandas[performance]==2.2.2"])
        #expect(spec.policy.memoryMB == 1024)
        #expect(spec.policy.cpuPercent == SandboxPolicy.default.cpuPercent)
        #expect(spec.platform == "manylinux_2_28_x86_64")
    }

    @Test(arguments: [
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1\"]\ncolour = \"red\"", "unknown key 'colour'"),
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy>=1.26\"]", "not pinned"),
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy\"]", "not pinned"),
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1.*\"]", "not pinned"),
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy===1.0\"]", "not pinned"),
        ("name = \"t\"\nabi = \"cp312\"\nrequirements = [\"numpy==1\"]", "does not match the embedded interpreter"),
        ("name = \"../t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1\"]", "name '../t'"),
        ("name = \"t\"\nabi = \"cp311\"\nrequirements = []", "'requirements' is empty"),
        (
            "name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1\"]\n[policy]\nmemory = 5",
            "unknown key 'policy.memory'"
        ),
        (
            "name = \"t\"\nabi = \"cp311\"\nrequirements = [\"numpy==1\"]\n[policy]\ncpu-percent = 500",
            "cpu-percent = 500"
        ),
        (
            "name = \"t\"\nabi = \"cp311\"\nplatform = \"win_amd64\"\nrequirements = [\"numpy==1\"]",
            "not a manylinux tag"
        ),
        ("name = \"t\"\nabi = ", "test.toml"),
    ])
    func refusesBadSpecs(text: String, expected: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let e = error as? SandboxError else { return false }
            return e.kind == .spec && e.message.contains(expected)
        }
    }

    @Test func shippedSpecsParse() throws {
        for name in ["minimal", "python3.11.7", "pandas3", "python3.11.7-ml", "python3.11.7-dl"] {
            let spec = try SandboxSpec(contentsOf: repositoryRoot.appendingPathComponent("sandboxes/\(name).toml"))
            #expect(spec.name == name)
            #expect(spec.preload.contains("pandas"))
        }
        let ml = try SandboxSpec(contentsOf: repositoryRoot.appendingPathComponent("sandboxes/python3.11.7-ml.toml"))
        #expect(ml.unavailable.map(\.name) == ["torch"])
        // The DL sandbox has PyTorch beside TensorFlow, as ADX's DL image does.
        let dl = try SandboxSpec(contentsOf: repositoryRoot.appendingPathComponent("sandboxes/python3.11.7-dl.toml"))
        #expect(dl.requirements.map(\.name).contains("torch"))
        #expect(dl.requirements.map(\.name).contains("tensorflow-cpu"))
    }

    @Test func committedLockMatchesMinimalSpec() throws {
        let specURL = repositoryRoot.appendingPathComponent("sandboxes/minimal.toml")
        let lock = try SandboxLock(contentsOf: SandboxLock.url(forSpec: specURL))
        #expect(lock.resolutionKey == (try SandboxSpec(contentsOf: specURL)).resolutionKey)
        #expect(Set(lock.wheels.map(\.name)).isSuperset(of: ["numpy", "pandas"]))
        // The rendered form parses back to the same lock.
        let tmp = TempDir()
        try lock.render().write(to: tmp.file("x.lock"), atomically: true, encoding: .utf8)
        #expect(try SandboxLock(contentsOf: tmp.file("x.lock")) == lock)
    }

    @Test func descriptionDoesNotStaleTheLock() throws {
        let a = try parse(valid)
        let b = try parse(valid.replacingOccurrences(of: "name = \"t\"", with: "name = \"t\"\ndescription = \"x\""))
        #expect(a.resolutionKey == b.resolutionKey)
        #expect(a.sha256 != b.sha256)
    }
}
