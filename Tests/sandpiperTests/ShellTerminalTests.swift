import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sandpiper shell` on a terminal: a pseudo-terminal made by util-linux's `script`, into which the test
/// types keys (Tab, Ctrl-C) as a person would, reading what the terminal shows.
@Suite(.serialized) struct ShellTerminalTests {
    static let script = "/usr/bin/script"

    /// Runs `sandpiper ARGS` on a pseudo-terminal, typing each of `keys` after its delay; returns what the
    /// terminal showed.
    func session(
        _ arguments: [String], keys: [(delay: Double, text: String)], environment extra: [String: String] = [:]
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        let command = ([SandpiperBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qefc", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        environment["TERM"] = "dumb"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        nonisolated(unsafe) var shown = Data()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { shown = output.fileHandleForReading.readDataToEndOfFile() }
        for key in keys {
            usleep(UInt32(key.delay * 1_000_000))
            input.fileHandleForWriting.write(Data(key.text.utf8))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        reader.wait()
        return String(decoding: shown, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script), "needs util-linux's script"))
    func promptCompletionHistoryAndCtrlC() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shell-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = dir.appendingPathComponent("history").path
        let shown = try session(
            ["shell", "--timeout", "120s", "--now", "2025-01-01T00:00:00Z"],
            keys: [
                (1.0, "StormEv\t| count;\n"),
                (2.0, "range x from 1 to 10000000 step 1 | extend y = hash(x) | sort by y asc, x desc | count;\n"),
                // A Ctrl-C that comes before the query starts (a loaded machine) is ignored at the prompt.
                (2.0, "\u{3}"), (3.0, "\u{3}"), (5.0, "\u{3}"),
                (1.0, "print after = 42;\n"),
                (1.0, ".quit\n"),
            ],
            environment: ["SANDPIPER_HISTORY": history])
        #expect(shown.contains("Sandpiper shell: the sample database"), "\(shown)")
        #expect(shown.contains("kql> "))
        // Tab completed the table's name: the sample StormEvents has 4,000 rows.
        #expect(shown.contains("StormEvents"))
        #expect(shown.contains("4000"), "\(shown)")
        #expect(shown.contains("E_CANCELLED"), "Ctrl-C cancelled the running query: \(shown)")
        #expect(shown.contains("42"), "the prompt came back after Ctrl-C: \(shown)")
        #expect(shown.contains(" s)"), "the timer is on on a terminal")
        // libedit's history file escapes spaces as \040.
        let kept = try String(contentsOfFile: history, encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
        #expect(kept.contains("StormEvents") && kept.contains("print after = 42;") && kept.contains(".quit"), "\(kept)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script), "needs util-linux's script"))
    func noArgumentsOnATerminalOpensTheShell() throws {
        let shown = try session([], keys: [(1.0, ".help\n"), (0.5, ".quit\n")], environment: ["SANDPIPER_HISTORY": ""])
        #expect(shown.contains("Sandpiper shell: the sample database"), "\(shown)")
        #expect(shown.contains(".timer on|off"), "\(shown)")
    }
}
