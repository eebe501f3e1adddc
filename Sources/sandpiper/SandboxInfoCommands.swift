import ArgumentParser
import Foundation
import Sandbox

/// `sandpiper sandbox list`.
struct SandboxList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered sandboxes.")

    @Option(help: "table or json.") var format: SandboxOutputFormat = .table

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let rows = try SandboxRegistry().summaries()
            print(format == .json ? SandboxJSON.encode(rows) + "\n" : SandboxText.list(rows), terminator: "")
        }
    }
}

/// `sandpiper sandbox show NAME`.
struct SandboxShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a sandbox's packages, sizes, policy and state.")

    @Argument(help: "The sandbox name.") var name: String
    @Option(help: "table or json.") var format: SandboxOutputFormat = .table

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let d = try SandboxRegistry().details(name)
            print(format == .json ? SandboxJSON.encode(d) + "\n" : SandboxText.details(d), terminator: "")
        }
    }
}

/// `sandpiper sandbox verify NAME`.
struct SandboxVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Re-hash a sandbox's files against its manifest and import every top-level package in a child interpreter.")

    @Argument(help: "The sandbox name.") var name: String

    func run() throws {
        var passed = false
        try runSandbox { () throws(SandboxError) in
            let report = try SandboxVerifier(registry: SandboxRegistry()).verify(name)
            print(SandboxText.verify(report), terminator: "")
            passed = report.passed
        }
        if !passed { throw ExitCode(1) }
    }
}
