import ArgumentParser
import Foundation
import Sandbox

/// `sandpiper sandbox build SPEC`.
struct SandboxBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a sandbox from a spec: lock, download wheels, unpack, pack a reproducible .tar.zst, register.")

    @Argument(help: "The spec file, e.g. sandboxes/minimal.toml.") var spec: String
    @Option(help: "Register under this name instead of the spec's.") var name: String?
    @Flag(help: "Fail if the lock file is missing or stale instead of resolving again.") var frozen = false
    @Flag(help: "Resolve again with pip even if the lock file matches the spec.") var relock = false
    @Flag(help: "No progress output.") var quiet = false
    @Flag(help: "Do nothing when a sandbox of that name is registered from the same spec and lock.") var ifNeeded =
        false

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let started = Date()
            let specURL = URL(fileURLWithPath: spec)
            let builder = SandboxBuilder(
                registry: SandboxRegistry(), progress: ProgressReporter(style: quiet ? .quiet : nil))
            if ifNeeded, let existing = builder.upToDate(specURL: specURL, name: name) {
                return print(
                    "\(existing.name) is up to date (archive sha256 \(existing.archiveSHA256)); nothing to build")
            }
            let report = try builder.build(
                specURL: specURL, name: name, lockMode: relock ? .relock : frozen ? .frozen : .update)
            print(SandboxText.built(report, seconds: Date().timeIntervalSince(started)), terminator: "")
        }
    }
}

/// `sandpiper sandbox lock SPEC`.
struct SandboxLockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract:
            "Resolve a spec's requirements with pip (binary wheels for the target ABI only) and write <spec>.lock.")

    @Argument(help: "The spec file.") var spec: String

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let specURL = URL(fileURLWithPath: spec)
            let (lock, written) = try SandboxBuilder(registry: SandboxRegistry()).lock(specURL: specURL, mode: .relock)
            print(
                "\(written ? "wrote" : "kept") \(SandboxLock.url(forSpec: specURL).path): \(lock.wheels.count) wheels")
        }
    }
}

/// `sandpiper sandbox add ARCHIVE [--name N]`.
struct SandboxAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register an archive built elsewhere: a sandpiper .tar.zst/.tar.gz, or a .zip of .whl files.")

    @Argument(help: "The archive.") var archive: String
    @Option(help: "Register under this name (default: the manifest's name, or the zip's base name).") var name: String?
    @Flag(help: "No progress output.") var quiet = false

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let importer = ArchiveImporter(
                registry: SandboxRegistry(), progress: ProgressReporter(style: quiet ? .quiet : nil))
            let report = try importer.add(URL(fileURLWithPath: archive), name: name)
            print(
                "added \(report.name): \(report.manifest.packages.count) packages, archive sha256 \(report.archiveSHA256)"
            )
        }
    }
}
