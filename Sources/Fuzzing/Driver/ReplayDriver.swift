import Foundation
import Synchronization
import SystemCalls

/// Runs a target without libFuzzer, in any build: every input of the given files and folders once,
/// then random mutations of them (no coverage feedback) for a number of runs or seconds. This is
/// what the test suite runs; `scripts/fuzz` uses libFuzzer.
///
/// The inputs run in a child process (this executable again, `replay-child`) so that a crash, a hang
/// or runaway memory is observed from outside: the child writes each input into a shared state file
/// before running it, and the parent saves the input that was running when the child died, hung past
/// `timeout` or grew past `rssLimit` as an artifact (`crash-…`, `timeout-…`, `out-of-memory-…`). A
/// failure listed in `known` (a finding whose fix is pending) is reported and skipped: the child is
/// started again after that input, and the run goes on.
public enum ReplayDriver {
    /// What to run and for how long.
    public struct Options: Sendable {
        /// Files and folders of inputs (folders are read recursively, in name order).
        public var inputs: [String] = []
        /// Mutated inputs to run after the given ones.
        public var runs = 0
        /// Stop mutating after this many seconds (nil: only `runs` bounds it).
        public var seconds: Double?
        /// Seed of the mutations (the same seed and inputs give the same runs).
        public var seed: UInt64 = 1
        /// One input running longer than this is a hang.
        public var timeoutSeconds: Double = 20
        /// The child's resident memory beyond this is out of memory.
        public var rssLimitMB = 2048
        /// Longest mutated input.
        public var maxLength = 4096
        /// Where artifacts and the state file go.
        public var artifacts = "."
        /// Inputs of the sequence to pass over without running (the child restarted after a known finding).
        public var skip = 0
        /// Findings to report and pass over.
        public var known = KnownFindings()

        public init() {}
    }

    /// What happened: executions, the known findings passed over, and the failure if there was one.
    public struct Outcome: Sendable {
        public var executions: Int
        public var known: [String] = []
        public var failure: String?
        public var artifact: String?
        /// The child's standard error around the failure (its backtrace).
        public var log = ""
    }

    static let stateHeader = 16
    static let maxStateInput = 1 << 20
    static let maxRestarts = 25

    // MARK: - Parent

    /// Runs the child for `target` and watches it, starting it again past known findings. `executable` is this program.
    public static func supervise(_ target: any FuzzTarget, options: Options, executable: String) -> Outcome {
        try? FileManager.default.createDirectory(atPath: options.artifacts, withIntermediateDirectories: true)
        let statePath = options.artifacts + "/.replay-state-\(Processes.current)"
        defer { try? FileManager.default.removeItem(atPath: statePath) }
        var outcome = Outcome(executions: 0)
        var skip = 0
        for _ in 0...maxRestarts {
            let attempt = runOnce(target, options: options, skip: skip, statePath: statePath, executable: executable)
            outcome.executions = attempt.index
            guard let (kind, message) = attempt.failure else { return outcome }
            let crashed = kind == "crash"
            let frames = KnownFindings.frames(inBacktrace: attempt.log, crashedThreadOnly: crashed)
            if let entry = options.known.match(target: target.name, kind: kind, frames: frames), attempt.index >= skip {
                outcome.known.append("input \(attempt.index): \(message) in \(entry.frame) (known: \(entry.note))")
                skip = attempt.index + 1
                continue
            }
            outcome.failure = message
            outcome.log = attempt.log
            if let input = attempt.input {
                let path = options.artifacts + "/\(kind)-" + fnv1a(input)
                if FileManager.default.createFile(atPath: path, contents: Data(input)) { outcome.artifact = path }
            }
            return outcome
        }
        outcome.failure = "more than \(maxRestarts) known findings in one run; run scripts/fuzz to see them"
        return outcome
    }

    /// One child: the index of the input it ended at, and the kind, message, input and log of its failure.
    static func runOnce(_ target: any FuzzTarget, options: Options, skip: Int, statePath: String, executable: String)
        -> (index: Int, failure: (String, String)?, input: [UInt8]?, log: String)
    {
        _ = FileManager.default.createFile(atPath: statePath, contents: Data(count: stateHeader + maxStateInput))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "replay-child", target.name, "--state", statePath, "--runs", String(options.runs),
                "--seed", String(options.seed), "--max-len", String(options.maxLength), "--skip", String(skip),
            ]
            + (options.seconds.map { ["--seconds", String($0)] } ?? []) + options.inputs
        var environment = ProcessInfo.processInfo.environment
        // The backtrace names the failure's functions, which is how known findings are recognized.
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        let log = Mutex(Data())
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            log.withLock { $0.append(chunk) }
        }
        do { try process.run() } catch {
            return (0, ("crash", "cannot start \(executable): \(error.localizedDescription)"), nil, "")
        }
        var lastCount = -1
        var lastProgress = Date()
        var failure: (String, String)?
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            let (count, _) = readState(statePath, withInput: false)
            if count != lastCount { lastCount = count; lastProgress = Date() }
            if Date().timeIntervalSince(lastProgress) > options.timeoutSeconds {
                failure = ("timeout", "timeout: one input ran longer than \(options.timeoutSeconds) s")
            } else if let rss = residentMegabytes(process.processIdentifier), rss > options.rssLimitMB {
                failure = (
                    "out-of-memory", "out of memory: \(rss) MB resident, more than the \(options.rssLimitMB) MB limit"
                )
            }
            if failure != nil {
                // SIGABRT first, so the backtracer shows where it was; then for certain.
                try? Processes.signal(process.processIdentifier, SIGABRT)
                let deadline = Date().addingTimeInterval(20)
                while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                if process.isRunning { try? Processes.signal(process.processIdentifier, SIGKILL) }
                break
            }
        }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        let text = log.withLock { String(decoding: $0 + rest, as: UTF8.self) }
        let (count, input) = readState(statePath, withInput: true)
        if failure == nil, process.terminationReason == .uncaughtSignal {
            failure = ("crash", "crash: signal \(process.terminationStatus)")
        } else if failure == nil, process.terminationStatus != 0 {
            failure = ("crash", "crash: exit status \(process.terminationStatus)")
        }
        return (count, failure, failure == nil ? nil : input, text)
    }

    /// The index of the input running (or of the next one), and its bytes when asked and one was running.
    static func readState(_ path: String, withInput: Bool) -> (Int, [UInt8]?) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return (0, nil) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: stateHeader)) ?? Data()
        guard header.count == stateHeader else { return (0, nil) }
        let count = header.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
        let length = header.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8, as: Int64.self)) }
        guard withInput, (0...maxStateInput).contains(length) else { return (count, nil) }
        return (count, [UInt8]((try? handle.read(upToCount: length)) ?? Data()))
    }

    static func residentMegabytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }

    /// A stable name for an input (64-bit FNV-1a, in hex).
    static func fnv1a(_ bytes: [UInt8]) -> String {
        // Wrapping multiplication is FNV's definition, not an overflow.
        let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
