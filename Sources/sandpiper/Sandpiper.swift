import ArgumentParser
import Documentation
import Foundation
import KQLEngine
import Sandbox

/// The `sandpiper` command-line tool: one root command; each area adds its subcommand type to
/// `subcommands`.
@main
struct Sandpiper: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandpiper",
        abstract: "A local Kusto Query Language (KQL) engine whose python() plugin runs scripts in sandboxed workers.",
        discussion: CommandHelp.root,
        version: "0.1.0",
        subcommands: [
            QueryCommand.self,
            SandboxCommand.self,
            ConformanceCommand.self,
            BenchCommand.self,
            ServeCommand.self,
            ShellCommand.self,
        ]
    )

    /// Stops the warm workers and the spare children waiting for a next query (removing their cgroups)
    /// before the process ends, so no sandbox process outlives the command; after a query stopped by
    /// Ctrl-C (which reported E_CANCELLED), ends with that signal, as shells expect.
    private static func finish() {
        Supervisor.shutdownAll()
        Supervisor.endIfStopped()
    }

    /// Runs the command line. Exit status: 0 on success, 1 when a query or command fails (the error
    /// is on standard error), 2 on bad usage (swift-argument-parser's default would be 64).
    static func main() async {
        // Ctrl-C or SIGTERM stops a running python() child at once and leaves no process, cgroup or memfd behind.
        Supervisor.installSignalHandlers()
        switch CommandLineHelp.answer(
            Array(CommandLine.arguments.dropFirst()), commands: CommandTree(self), rootHelp: { helpMessage() })
        {
        case .output(let text):
            FileHandle.standardOutput.write(Data(text.utf8))
            Foundation.exit(0)
        case .usageError(let text):
            FileHandle.standardError.write(Data(DisplayText.forTerminal(text).utf8))
            Foundation.exit(2)
        case nil: break
        }
        do {
            var command = try parseAsRoot(ShellCommand.arguments(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            finish()
        } catch {
            finish()
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((DisplayText.forTerminal(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
