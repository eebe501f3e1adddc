import ArgumentParser
import Documentation
import Foundation
import Sandbox

/// `sandpiper sandbox doctor`: which confinement layers this machine supports, and (with `--verify`)
/// whether a confined process really sees them in effect.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show which sandbox confinement layers this kernel supports.",
        discussion: CommandHelp.doctor)

    @Option(help: "Output format: table or json.") var format: SandboxOutputFormat = .table
    @Flag(help: "Also apply the standard plan in sandpiper-probe and check what is in effect.") var verify = false

    func run() throws {
        let probe = KernelProbe.current()
        let verification = verify ? DoctorVerification.run() : nil
        switch format {
        case .json: print(DoctorReport.json(probe, verification))
        case .table: print(DoctorReport.table(probe, verification), terminator: "")
        }
        if !probe.allActive || verification.map({ !$0.passed }) == true { throw ExitCode(1) }
    }
}
