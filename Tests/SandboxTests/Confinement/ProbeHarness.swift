import Foundation
import Sandbox
import Testing

/// Runs the built `sandpiper-probe` with a plan and a Python program, capturing the outcome.
enum ProbeHarness {
    /// How a probe run ended.
    struct Outcome: CustomStringConvertible {
        var exitCode: Int32?
        var signal: Int32?
        var stdout: String
        var stderr: String
        var description: String {
            "exit \(exitCode.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-")\nstdout: \(stdout)\nstderr: \(stderr)"
        }
    }

    /// `.build/debug/sandpiper-probe`, next to the test bundle (or `$SANDPIPER_PROBE`).
    static let probePath: String = {
        if let explicit = ProcessInfo.processInfo.environment["SANDPIPER_PROBE"] { return explicit }
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Inside `X.xctest/...` on some layouts: walk up to the folder holding the products.
        for _ in 0..<4
        where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("sandpiper-probe").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("sandpiper-probe").path
    }()

    static var probeAvailable: Bool { FileManager.default.isExecutableFile(atPath: probePath) }
    static let python = "/usr/bin/python3"
    static var pythonAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    /// Runs `code` with `/usr/bin/python3 -c` under `plan` (the standard plan by default).
    static func runPython(_ code: String, plan: ConfinementPlan? = nil, timeout: TimeInterval = 60) throws -> Outcome {
        let plan = plan ?? .standard(executables: [python])
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return try run(["--plan-json", json, "--", python, "-c", code], timeout: timeout)
    }

    /// Runs the probe with `arguments`; output goes through temporary files (no pipe can fill up).
    static func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandpiper-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        try #require(FileManager.default.createFile(atPath: out.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: err.path, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: probePath)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return Outcome(
            exitCode: signaled ? nil : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Python that runs `body` (indented into a `try`) and prints `ESCAPED` if it completes, or
    /// `DENIED <type> <errno>` if it raises.
    static func attempt(_ body: String) -> String {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
            separator: "\n")
        return """
            import ctypes, os, socket, subprocess, sys
            libc = ctypes.CDLL(None, use_errno=True)
            def sc(*a):
                r = libc.syscall(*[ctypes.c_long(x) for x in a])
                if r == -1:
                    e = ctypes.get_errno(); raise OSError(e, os.strerror(e))
                return r
            try:
            \(indented)
                print("ESCAPED", flush=True)
            except BaseException as e:
                print("DENIED", type(e).__name__, getattr(e, "errno", None), e, flush=True)
            """
    }
}
