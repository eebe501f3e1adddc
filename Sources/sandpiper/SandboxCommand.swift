import ArgumentParser
import Foundation
import KQLEngine
import Sandbox

/// `sandpiper sandbox ...`: the Python environments `python()` scripts run in.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Build, register and inspect the Python environments python() scripts run in.",
        discussion: "State lives in $SANDPIPER_HOME (default ~/.local/share/sandpiper).",
        subcommands: [
            SandboxBuild.self, DoctorCommand.self, SandboxLockCommand.self, SandboxAdd.self, SandboxList.self,
            SandboxShow.self, SandboxVerify.self, SandboxRemove.self, SandboxGC.self, SandboxDefault.self,
            SandboxPolicyCommand.self,
        ])
}

/// `--format table|json` of `list`, `show` and `doctor`.
enum SandboxOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Runs a sandbox operation; a `SandboxError` is printed as `CODE: message` (and its hint) and exits 1.
func runSandbox(_ body: () throws(SandboxError) -> Void) throws {
    do { try body() } catch {
        FileHandle.standardError.write(Data((DisplayText.forTerminal(error.description) + "\n").utf8))
        throw ExitCode(1)
    }
}
