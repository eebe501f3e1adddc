import ArgumentParser
import Foundation
import Sandbox

/// `sandpiper sandbox remove NAME`.
struct SandboxRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unregister a sandbox (its files stay until `gc`, since other names may share them).")

    @Argument(help: "The sandbox name.") var name: String

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let wasDefault = try SandboxRegistry().remove(name)
            print("removed \(name)")
            if wasDefault { FileHandle.standardError.write(Data(SandboxText.removedDefault(name).utf8)) }
        }
    }
}

/// `sandpiper sandbox gc`.
struct SandboxGC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc", abstract: "Delete unpacked trees and archives no registered sandbox uses.")

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let removed = try SandboxRegistry().collectGarbage()
            print(removed.isEmpty ? "nothing to collect" : removed.map { "deleted \($0)" }.joined(separator: "\n"))
        }
    }
}

/// `sandpiper sandbox default [NAME]`.
struct SandboxDefault: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Make NAME the sandbox python() uses when the query names none; without NAME, show it.")

    @Argument(help: "The sandbox name (omit it to show the current default).") var name: String?

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            guard let name else { return print(try SandboxText.currentDefault(SandboxRegistry()), terminator: "") }
            try SandboxRegistry().setDefault(name)
            print("default sandbox: \(name)")
        }
    }
}

/// `sandpiper sandbox policy NAME [--memory-mb --cpu-percent --timeout --pool-size]`.
struct SandboxPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or change a sandbox's policy (ADX's sandbox policy fields plus a wall-time limit).")

    @Argument(help: "The sandbox name.") var name: String
    @Option(help: "Memory ceiling of one worker in MB (200...65536); above it the worker is killed.") var memoryMb: Int?
    @Option(help: "CPU share of all cores in percent (1...100).") var cpuPercent: Int?
    @Option(help: "Wall-time limit of one script in seconds (1...3600).") var timeout: Int?
    @Option(help: "Workers of this sandbox that may run at once.") var poolSize: Int?
    @Option(help: "Start the warm worker when the engine starts (true/false).") var initializeOnStartup: Bool?

    func run() throws {
        try runSandbox { () throws(SandboxError) in
            let registry = SandboxRegistry()
            let unchanged =
                [memoryMb, cpuPercent, timeout, poolSize].allSatisfy { $0 == nil } && initializeOnStartup == nil
            let policy =
                unchanged
                ? try registry.entry(name).policy
                : try registry.setPolicy(name) { p in
                    if let memoryMb { p.memoryMB = memoryMb }
                    if let cpuPercent { p.cpuPercent = cpuPercent }
                    if let timeout { p.timeoutSeconds = timeout }
                    if let poolSize { p.poolSize = poolSize }
                    if let initializeOnStartup { p.initializeOnStartup = initializeOnStartup }
                }
            print(SandboxText.policy(name, policy), terminator: "")
        }
    }
}
