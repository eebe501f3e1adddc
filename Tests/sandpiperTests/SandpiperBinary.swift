import Foundation

/// Runs the built `sandpiper` executable, as a user would.
struct SandpiperBinary {
    struct Output: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
        /// The signal that ended the process, or nil when it exited.
        var signal: Int32? = nil
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable next to the test bundle (`swift test` builds both into the same folder), else `.build/debug`.
    static var path: String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sandpiper").path,
            Bundle.main.bundleURL.appendingPathComponent("sandpiper").path,
            packageRoot.appendingPathComponent(".build/debug/sandpiper").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// Seconds of CPU the process `pid` has used (user and system), from `/proc`; nil once it is gone.
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Waits until `pid` has used `seconds` of CPU (a query is under way, however loaded the machine), at
    /// most `limit` seconds of wall time.
    static func waitForCPU(_ pid: Int32, seconds: Double, limit: Double = 120) {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline, let used = cpuSeconds(pid), used < seconds { usleep(50_000) }
    }

    /// Runs the binary to its end. `whileRunning` gets its pid once it started (e.g. to signal it).
    static func run(
        _ arguments: [String], stdin: String? = nil, in directory: String? = nil,
        environment extra: [String: String] = [:], whileRunning: (@Sendable (Int32) -> Void)? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        if let whileRunning {
            let pid = process.processIdentifier
            DispatchQueue.global().async { whileRunning(pid) }
        }
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus,
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
    }
}
