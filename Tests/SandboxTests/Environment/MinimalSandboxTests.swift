import Foundation
import Testing
@testable import Sandbox

/// Tests on a real environment: `minimal`, built once per run from the committed lock.
@Suite(.serialized) struct MinimalSandboxTests {
    var registry: SandboxRegistry { MinimalFixture.home.registry }

    func built() throws -> BuildReport { try MinimalFixture.build.get() }

    @Test func buildsAndListsReady() throws {
        let report = try built()
        #expect(report.manifest.packages.map(\.name).contains("pandas"))
        let rows = try registry.summaries()
        let row = try #require(rows.first { $0.name == "minimal" })
        #expect(row.state == .ready)
        #expect(row.archiveSHA256 == report.archiveSHA256)
        // The layout the worker relies on.
        for dir in ["site-packages", "bin", "data", "include", "manifest.json"] {
            #expect(
                FileManager.default.fileExists(atPath: report.environment.appendingPathComponent(dir).path), "\(dir)")
        }
        #expect(
            FileManager.default.fileExists(
                atPath: report.environment.appendingPathComponent("site-packages/pandas/__init__.py").path))
    }

    @Test func resolveFindsItAndTheDefault() throws {
        let report = try built()
        let resolved = try registry.resolve("minimal")
        #expect(resolved.sitePackages.path == report.environment.appendingPathComponent("site-packages").path)
        #expect(resolved.policy.memoryMB == 2048)
        #expect(resolved.manifest.preload == ["numpy", "pandas"])
        #expect(throws: SandboxError.self) { try registry.resolve("no-such-sandbox") }
        let missingDefault: SandboxError? = {
            do { _ = try registry.resolve(nil); return nil } catch { return error as? SandboxError }
        }()
        #expect(
            missingDefault?.kind == .notFound
                && missingDefault?.message.contains(SandboxRegistry.builtinDefault) == true)
    }

    @Test func verifyPassesAndCatchesTampering() throws {
        let report = try built()
        let result = try SandboxVerifier(registry: registry).verify("minimal")
        #expect(result.fileProblems.isEmpty)
        #expect(result.imports.map(\.module).contains("pandas"))
        #expect(result.passed, "\(result.imports.filter { !$0.ok })")
        // Importing wrote nothing into the shared tree (no __pycache__).
        #expect(try report.manifest.differences(from: report.environment).isEmpty)

        // A tampered copy of the tree is caught file by file.
        let tmp = TempDir()
        let copy = tmp.file("env")
        try FileManager.default.copyItem(at: report.environment, to: copy)
        TreeScanner.remove(copy.appendingPathComponent("site-packages/pytz"))
        chmod(copy.appendingPathComponent("site-packages").path, 0o755)
        try Data("x".utf8).write(to: copy.appendingPathComponent("site-packages/extra.py"))
        let diff = try report.manifest.differences(from: copy)
        #expect(diff.contains("unexpected: site-packages/extra.py"))
        #expect(diff.contains { $0.hasPrefix("missing: site-packages/pytz/") })
    }

    @Test func packingIsReproducible() throws {
        let report = try built()
        let tmp = TempDir()
        try ArchiveWriter().pack(report.environment, to: tmp.file("a.tar.zst"))
        try ArchiveWriter().pack(report.environment, to: tmp.file("b.tar.zst"))
        let a = try TreeScanner.sha256(of: tmp.file("a.tar.zst"))
        #expect(a == (try TreeScanner.sha256(of: tmp.file("b.tar.zst"))))
        #expect(a == report.archiveSHA256, "packing the unpacked tree again must give the registered archive")
    }

    @Test func concurrentAddOfTheSameArchive() async throws {
        let report = try built()
        let other = TestHome("concurrent")
        let errors = await withTaskGroup(of: String?.self) { group in
            for i in 0..<4 {
                group.addTask {
                    do {
                        _ = try ArchiveImporter(registry: other.registry).add(
                            report.archive, name: i % 2 == 0 ? "a" : "b");
                        return nil
                    } catch { return "\(error)" }
                }
            }
            return await group.reduce(into: [String]()) { if let e = $1 { $0.append(e) } }
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(try other.registry.entries().map(\.name) == ["a", "b"])
        #expect(other.contents("envs") == [report.archiveSHA256])
        #expect(other.contents("archives") == ["\(report.archiveSHA256).tar.zst"])
        #expect(other.contents("scratch").isEmpty)
        #expect(try SandboxVerifier(registry: other.registry).verify("a").fileProblems.isEmpty)
    }

    @Test func removeThenGCKeepsSharedTrees() throws {
        let report = try built()
        let other = TestHome("gc")
        _ = try ArchiveImporter(registry: other.registry).add(report.archive, name: "one")
        _ = try ArchiveImporter(registry: other.registry).add(report.archive, name: "two")
        try other.registry.remove("one")
        #expect(try other.registry.collectGarbage().isEmpty, "'two' still uses the tree")
        try other.registry.remove("two")
        #expect(
            try other.registry.collectGarbage() == [
                "archives/\(report.archiveSHA256).tar.zst", "envs/\(report.archiveSHA256)",
            ])
        #expect(other.contents("envs").isEmpty && other.contents("archives").isEmpty)
        #expect(throws: SandboxError.self) { try other.registry.remove("two") }
    }

    @Test func removedTreeIsUnpackedAgainOnUse() throws {
        let report = try built()
        let other = TestHome("repack")
        _ = try ArchiveImporter(registry: other.registry).add(report.archive, name: "m")
        TreeScanner.remove(other.registry.home.environment(report.archiveSHA256))
        #expect(try other.registry.summaries().first?.state == .packed)
        let resolved = try other.registry.resolve("m")
        #expect(FileManager.default.fileExists(atPath: resolved.sitePackages.appendingPathComponent("numpy").path))
        #expect(try other.registry.summaries().first?.state == .ready)
    }

    @Test func policyAndDefault() throws {
        _ = try built()
        let other = TestHome("policy")
        _ = try ArchiveImporter(registry: other.registry).add(try built().archive, name: "p")
        let policy = try other.registry.setPolicy("p") {
            $0.memoryMB = 4096; $0.poolSize = 3
        }
        #expect(policy.memoryMB == 4096 && policy.poolSize == 3)
        #expect(throws: SandboxError.self) { try other.registry.setPolicy("p") { $0.cpuPercent = 0 } }
        #expect(try other.registry.entry("p").policy.cpuPercent == 50, "a refused change changes nothing")
        try other.registry.setDefault("p")
        #expect(try other.registry.resolve(nil).name == "p")
        #expect(throws: SandboxError.self) { try other.registry.setDefault("nope") }
    }

    @Test func zipOfWheelsIsInstalledAsWheels() throws {
        _ = try built()
        let tmp = TempDir()
        let wheels = MinimalFixture.home.registry.home.wheels
        let small = try FileManager.default.subpathsOfDirectory(atPath: wheels.path)
            .filter { $0.hasSuffix(".whl") && ($0.contains("pytz") || $0.contains("tzdata")) }
            .map { wheels.appendingPathComponent($0).path }
        #expect(small.count == 2)
        let (status, output) = try runPython(
            """
            import sys, zipfile, os
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                for p in sys.argv[2:]: z.write(p, "wheels/" + os.path.basename(p))
            """, [tmp.file("artifacts.zip").path] + small)
        #expect(status == 0, "\(output)")
        let other = TestHome("zip")
        let report = try ArchiveImporter(registry: other.registry).add(tmp.file("artifacts.zip"))
        #expect(report.name == "artifacts")
        #expect(report.manifest.packages.map(\.name) == ["pytz", "tzdata"])
        let verify = try SandboxVerifier(registry: other.registry).verify("artifacts")
        #expect(verify.passed, "\(verify.imports)")
    }
}
