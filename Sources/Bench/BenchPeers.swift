import Foundation
import SystemCalls

/// The `bench/` folder (peer scripts, `setup-venv`, results) and its Python environment.
///
/// Peers run with the interpreter of `bench/.venv`, which `bench/setup-venv` creates from the pinned
/// `bench/requirements.txt`, so every machine compares against the same DuckDB, pyarrow and pandas.
public struct BenchEnvironment: Sendable {
    /// The `bench/` folder.
    public let benchDirectory: URL
    /// The venv's python.
    public let python: String

    /// Finds `bench/` (from `explicit`, the current directory or the executable's, upwards) and makes
    /// sure its venv exists, creating it with `bench/setup-venv` (which needs PyPI) when it does not.
    public static func prepare(explicit: String?) throws(BenchError) -> BenchEnvironment {
        let dir = try locate(explicit: explicit)
        let setup = dir.appendingPathComponent("setup-venv").path
        let run = try BenchProcess.run([setup], environment: [:])
        guard run.status == 0, let python = run.stdout.split(separator: "\n").last.map(String.init),
            FileManager.default.isExecutableFile(atPath: python)
        else {
            throw .peer(
                "bench/setup-venv failed (exit \(run.status)): \(run.stderr.suffix(2000))",
                hint:
                    "it installs bench/requirements.txt from PyPI into bench/.venv; check the network, or run it by hand to see why"
            )
        }
        return BenchEnvironment(benchDirectory: dir, python: python)
    }

    public static func locate(explicit: String?) throws(BenchError) -> URL {
        let fm = FileManager.default
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard fm.fileExists(atPath: url.appendingPathComponent("setup-venv").path) else {
                throw .peer("'\(explicit)' is not the bench folder (it has no setup-venv)")
            }
            return url
        }
        let starts = [
            URL(fileURLWithPath: fm.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
                .deletingLastPathComponent(),
        ]
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("bench")
                if fm.fileExists(atPath: candidate.appendingPathComponent("setup-venv").path) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        throw .peer(
            "cannot find the bench folder (bench/setup-venv) above the current directory or the executable",
            hint: "run from the repository, or pass --bench-dir")
    }

    /// Runs `bench/peers/<script>` with the venv's python and returns the JSON objects it printed, one per line.
    public func runPeer(_ script: String, _ arguments: [String], environment: [String: String] = [:]) throws(BenchError)
        -> [[String: Any]]
    {
        let path = benchDirectory.appendingPathComponent("peers").appendingPathComponent(script).path
        let run = try BenchProcess.run([python, path] + arguments, environment: environment, passStderr: true)
        if run.status != 0,
            let mismatch = run.stdout.split(separator: "\n").first(where: { $0.contains("\"checksum-mismatch\"") })
        {
            throw .checksum("peer \(script) saw a wrong checksum: \(mismatch)")
        }
        guard run.status == 0 else {
            throw .peer(
                "peer \(script) failed (exit \(run.status))\(run.stderr.isEmpty ? "" : ": " + run.stderr.suffix(2000))")
        }
        var objects: [[String: Any]] = []
        for line in run.stdout.split(separator: "\n") where line.hasPrefix("{") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw .peer("peer \(script) printed a line that is not JSON: \(line.prefix(200))")
            }
            objects.append(object)
        }
        return objects
    }
}

/// A child process whose output is collected; it never outlives the call.
public enum BenchProcess {
    public struct Result { public var status: Int32; public var stdout: String; public var stderr: String }

    /// Runs `argv` to completion. With `passStderr`, the child's standard error goes to ours (progress lines).
    public static func run(_ argv: [String], environment: [String: String], passStderr: Bool = false) throws(BenchError)
        -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = passStderr ? FileHandle.standardError : err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .peer("cannot start \(argv[0]): \(error.localizedDescription)")
        }
        // Drain stderr on another thread so a chatty child cannot block on a full pipe.
        let errBox = ErrorText()
        let errThread = passStderr ? nil : Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errThread?.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errThread != nil && !errBox.done { Processes.sleep(microseconds: 1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: errBox.text)
    }

    private final class ErrorText: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private var finished = false
        func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }
}
