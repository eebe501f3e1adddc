import Foundation
import Testing
@testable import Sandbox

/// A process killed at any moment leaves nothing half-registered, and the next command cleans its leftovers.
@Suite struct InterruptionTests {
    /// The pid of a process that has exited and been reaped.
    func deadPID() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run(); p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func leftoversOfDeadProcessesAreRemoved() throws {
        let home = TestHome("leftovers")
        try home.registry.home.prepare()
        let dead = try deadPID()
        let h = home.registry.home
        let partial = h.scratch.appendingPathComponent("unpack-\(dead)-1")
        try FileManager.default.createDirectory(
            at: partial.appendingPathComponent("site-packages/x"), withIntermediateDirectories: true)
        chmod(partial.appendingPathComponent("site-packages").path, 0o555)
        try Data("x".utf8).write(to: h.archives.appendingPathComponent(".tmp-\(dead)-2"))
        let live = h.scratch.appendingPathComponent("build-\(getpid())-3")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)

        #expect(try home.registry.entries().isEmpty)
        #expect(home.contents("scratch") == [live.lastPathComponent], "a live process's work is left alone")
        #expect(home.contents("archives").isEmpty)
    }

    /// Kills a real `sandpiper sandbox add` while it unpacks (needs the built CLI).
    @Test(.enabled(if: sandpiperHasSandboxCommand, "needs .build/debug/sandpiper with the `sandbox` command"))
    func killDuringUnpack() throws {
        let report = try MinimalFixture.build.get()
        let home = TestHome("kill")
        try home.registry.home.prepare()
        let process = Process()
        process.executableURL = sandpiperBinary
        process.arguments = ["sandbox", "add", report.archive.path, "--name", "killed", "--quiet"]
        process.environment = ["SANDPIPER_HOME": home.root.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it has started writing the tree, then kill -9.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let scratch = home.contents("scratch")
            if let item = scratch.first,
                FileManager.default.fileExists(
                    atPath: home.root.appendingPathComponent("scratch/\(item)/env/site-packages").path)
            {
                break
            }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the add finished before it could be killed")
        #expect(try home.registry.entries().isEmpty, "nothing half-registered")
        #expect(home.contents("scratch").isEmpty, "leftovers cleaned by the next command")
        #expect(home.contents("envs").isEmpty)
        // And the same add then succeeds.
        _ = try ArchiveImporter(registry: home.registry).add(report.archive, name: "again")
        #expect(try home.registry.entries().map(\.name) == ["again"])
    }
}

let sandpiperBinary = repositoryRoot.appendingPathComponent(".build/debug/sandpiper")

/// Whether the built CLI has `sandpiper sandbox` (it does once the root command lists `SandboxCommand`).
let sandpiperHasSandboxCommand: Bool = {
    guard FileManager.default.isExecutableFile(atPath: sandpiperBinary.path) else { return false }
    let p = Process()
    p.executableURL = sandpiperBinary
    p.arguments = ["sandbox", "--help"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}()
