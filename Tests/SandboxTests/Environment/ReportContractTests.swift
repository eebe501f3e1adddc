import Foundation
import Testing
@testable import Sandbox

/// The JSON of `list --format json` and `show --format json` is a contract: these keys, these types.
@Suite struct ReportContractTests {
    func object(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func listJSON() throws {
        _ = try MinimalFixture.build.get()
        let rows = try #require(
            try object(SandboxJSON.encode(try MinimalFixture.home.registry.summaries())) as? [[String: Any]])
        let row = try #require(rows.first { $0["name"] as? String == "minimal" })
        #expect(
            Set(row.keys) == [
                "name", "state", "default", "archive_sha256", "abi", "packages", "size_bytes", "description",
            ])
        #expect(row["state"] as? String == "ready")
        #expect(row["default"] as? Bool == false)
        #expect(row["abi"] as? String == "cp311")
        #expect((row["packages"] as? Int ?? 0) >= 2)
        #expect((row["size_bytes"] as? Int ?? 0) > 0)
        #expect((row["archive_sha256"] as? String)?.count == 64)
    }

    @Test func showJSON() throws {
        _ = try MinimalFixture.build.get()
        let d = try #require(
            try object(SandboxJSON.encode(try MinimalFixture.home.registry.details("minimal"))) as? [String: Any])
        #expect(
            Set(d.keys) == [
                "name", "description", "state", "default", "source", "abi", "platform", "spec_sha256", "archive_file",
                "archive_sha256", "archive_size_bytes", "environment_path", "size_bytes", "policy", "preload",
                "packages", "unavailable",
            ])
        let policy = try #require(d["policy"] as? [String: Any])
        #expect(
            Set(policy.keys) == ["memory_mb", "cpu_percent", "timeout_seconds", "pool_size", "initialize_on_startup"])
        #expect(policy["memory_mb"] as? Int == 2048)
        let packages = try #require(d["packages"] as? [[String: Any]])
        let pandas = try #require(packages.first { $0["name"] as? String == "pandas" })
        #expect(Set(pandas.keys) == ["name", "version", "size_bytes", "wheel", "sha256"])
        #expect(pandas["version"] as? String == "2.2.2")
        #expect(d["preload"] as? [String] == ["numpy", "pandas"])
    }
}
