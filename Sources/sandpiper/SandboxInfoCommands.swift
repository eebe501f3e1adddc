import ArgumentParser
import Foundation
import Sandbox

/// `sandpiper sandbox list`.
struct SandboxList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered sandboxes.")

    @Option(help: "table or json.")
    var format: SandboxOutputFormat = .table

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let rows = try SandboxRegistry().summaries()
            switch format {
            case .json: print(SandboxJSON.encode(rows))
            case .table:
                guard !rows.isEmpty else {
                    print(
                        "no sandboxes registered; build the default with `sandpiper sandbox build sandboxes/python3.11.7.toml`"
                    )
                    return
                }
                print(
                    sandboxTable(
                        ["NAME", "STATE", "PACKAGES", "SIZE", "ARCHIVE", "DESCRIPTION"],
                        rows.map {
                            [
                                $0.name + ($0.isDefault ? " *" : ""), $0.state.rawValue, String($0.packageCount),
                                ProgressReporter.size($0.sizeBytes), String($0.archiveSHA256.prefix(12)),
                                $0.description,
                            ]
                        }), terminator: "")
            }
        }
    }
}

/// `sandpiper sandbox show NAME`.
struct SandboxShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a sandbox's packages, sizes, policy and state.")

    @Argument(help: "The sandbox name.")
    var name: String
    @Option(help: "table or json.")
    var format: SandboxOutputFormat = .table

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let d = try SandboxRegistry().details(name)
            if format == .json { print(SandboxJSON.encode(d)); return }
            let p = d.policy
            print(
                """
                name         \(d.name)\(d.isDefault ? " (default)" : "")
                description  \(d.description)
                state        \(d.state.rawValue)
                abi          \(d.abi) (\(d.platform))
                source       \(d.source)
                archive      \(d.archiveFile) (\(ProgressReporter.size(d.archiveSizeBytes)))
                environment  \(d.environmentPath) (\(ProgressReporter.size(d.sizeBytes)))
                preload      \(d.preload.joined(separator: ", "))
                policy       memory \(p.memoryMB) MB, cpu \(p.cpuPercent) %, timeout \(p.timeoutSeconds) s, pool \(p.poolSize), initialize on startup \(p.initializeOnStartup)

                """)
            print(
                sandboxTable(
                    ["PACKAGE", "VERSION", "SIZE"],
                    d.packages.map { [$0.name, $0.version, ProgressReporter.size($0.sizeBytes)] }),
                terminator: "")
            for u in d.unavailable { print("unavailable  \(u.name): \(u.reason)") }
        }
    }
}

/// `sandpiper sandbox verify NAME`.
struct SandboxVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Re-hash a sandbox's files against its manifest and import every top-level package in a child interpreter.")

    @Argument(help: "The sandbox name.")
    var name: String

    func run() throws {
        var passed = false
        try runSandbox { () throws(SandboxError) in
            let report = try SandboxVerifier(registry: SandboxRegistry()).verify(name)
            print(
                report.fileProblems.isEmpty
                    ? "files   \(report.filesChecked) files match the manifest"
                    : "files   \(report.fileProblems.count) problems:\n  "
                        + report.fileProblems.prefix(20).joined(separator: "\n  "))
            print(
                sandboxTable(
                    ["MODULE", "PACKAGE", "RESULT", "SECONDS"],
                    report.imports.map {
                        [
                            $0.module, $0.package, $0.ok ? "ok" : "FAILED: \($0.error ?? "")",
                            String(format: "%.3f", $0.seconds),
                        ]
                    }), terminator: "")
            print(report.passed ? "verify: passed" : "verify: FAILED")
            passed = report.passed
        }
        if !passed { throw ExitCode(1) }
    }
}
