import Foundation
import Sandbox

/// The probe's command line.
struct ProbeOptions {
    var plan: ConfinementPlan?
    var program: [String] = []
    var selfCheck = false
    var printPlan = false
    var extraEnvironment: [String] = []

    /// Parses `arguments` (without the executable); returns the problem as text on failure.
    static func parse(_ arguments: [String]) -> Result<ProbeOptions, ProbeUsageError> {
        var options = ProbeOptions()
        var flags = arguments
        if let separator = arguments.firstIndex(of: "--") {
            options.program = Array(arguments[(separator + 1)...])
            flags = Array(arguments[..<separator])
        }
        var standard = false
        var environment: String?
        var cgroupFiles: [String] = []
        var iterator = flags.makeIterator()
        while let flag = iterator.next() {
            func value() throws(ProbeUsageError) -> String {
                guard let next = iterator.next() else { throw ProbeUsageError("\(flag) needs a value") }
                return next
            }
            do throws(ProbeUsageError) {
                switch flag {
                case "--plan-json": options.plan = try decode(Data(try value().utf8), "the --plan-json value")
                case "--plan-file":
                    let path = try value()
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw ProbeUsageError("cannot read \(path)")
                    }
                    options.plan = try decode(data, path)
                case "--standard": standard = true
                case "--environment": environment = try value()
                case "--cgroup-procs": cgroupFiles.append(try value())
                case "--env": options.extraEnvironment.append(try value())
                case "--self-check": options.selfCheck = true
                case "--print-plan": options.printPlan = true
                default: throw ProbeUsageError("unknown option \(flag)")
                }
            } catch { return .failure(error) }
        }
        if standard {
            options.plan = .standard(
                environment: environment, executables: options.program.first.map { [$0] } ?? [],
                cgroupProcsFiles: cgroupFiles)
        }
        guard options.plan != nil else {
            return .failure(ProbeUsageError("give --plan-json, --plan-file or --standard"))
        }
        guard options.selfCheck || options.printPlan || !options.program.isEmpty else {
            return .failure(ProbeUsageError("give a program after `--`, or --self-check"))
        }
        return .success(options)
    }

    private static func decode(_ data: Data, _ what: String) throws(ProbeUsageError) -> ConfinementPlan {
        do { return try JSONDecoder().decode(ConfinementPlan.self, from: data) } catch {
            throw ProbeUsageError("\(what) is not a valid confinement plan: \(error)")
        }
    }
}

/// A bad command line.
struct ProbeUsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
