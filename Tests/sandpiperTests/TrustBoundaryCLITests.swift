import Foundation
import Testing

/// What a hostile script (or a hostile query file) cannot do through the `sandpiper query` command:
/// make the engine read a file outside the folders it allows for `external_artifacts`, or send a
/// terminal escape sequence (a clipboard write, a window title, a cleared screen) to the user's terminal
/// through its print output, its result's cells and column names, or its exception text.
@Suite(.serialized)
struct TrustBoundaryCLITests {
    /// ESC, BEL, CSI (C1) and a lone carriage return, as a script can print them.
    static let hostileText = #"clip \x1b]52;c;c2VjcmV0\x07 title \x1b]0;pwned\x07 clear \x1b[2J csi \x9b2J cr \r over"#

    func run(_ arguments: [String], in folder: String? = nil) throws -> SandpiperBinary.Output {
        try SandpiperBinary.run(["query"] + arguments, in: folder, environment: TestSandboxes.environment)
    }

    /// No byte of any C0 control but newline and tab, of DEL, or of a C1 control.
    static func isTerminalSafe(_ s: String) -> Bool {
        !s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7f...0x9f).contains($0.value) }
    }

    @Test func escapeSequencesFromAScriptNeverReachTheTerminalRaw() throws {
        _ = try TestSandboxes.minimal.get()
        let script = "print('\(Self.hostileText)')\nresult = pd.DataFrame({'name \\x1b[31m': ['\(Self.hostileText)']})"
        let query = "print x = 1 | python(sandbox='minimal', script=r'''\(script)''')"
        let table = try run(["--max-width", "400", query])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.isTerminalSafe(table.stdout), "\(table.stdout.debugDescription)")
        #expect(Self.isTerminalSafe(table.stderr), "\(table.stderr.debugDescription)")
        #expect(
            table.stdout.contains(#"name \x1b[31m"#) && table.stdout.contains(#"title \x1b]0;pwned\x07"#),
            "\(table.stdout)")
        #expect(
            table.stderr.contains(#"clip \x1b]52;c;c2VjcmV0\x07"#)
                && table.stderr.contains(#"csi \x9b2J cr \x0d over"#), "\(table.stderr)")
        let markdown = try run(["--format", "markdown", query])
        #expect(Self.isTerminalSafe(markdown.stdout) && Self.isTerminalSafe(markdown.stderr))
        // The machine-readable forms stay exact.
        let json = try run(["--format", "json", query])
        #expect(json.stdout.contains(#"\u001b]52;c;c2VjcmV0\u0007"#), "\(json.stdout)")
        let csv = try run(["--format", "csv", query])
        #expect(csv.stdout.contains("\u{1b}]0;pwned\u{07}"))
        // An exception's text, in the error the command prints.
        let failing = try run([
            "print x = 1 | python(sandbox='minimal', script=r'''raise ValueError('\(Self.hostileText)')''')"
        ])
        #expect(failing.status == 1)
        #expect(
            failing.stderr.hasPrefix("E_PYTHON") && Self.isTerminalSafe(failing.stderr),
            "\(failing.stderr.debugDescription)")
    }

    @Test func cellsAndNamesOfAFileAreEscapedToo() throws {
        let folder = NSTemporaryDirectory() + "sandpiper-esc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "A\u{1b}[2J,B\nx\u{1b}]0;t\u{07},\u{9b}1\n".write(
            toFile: folder + "/T.csv", atomically: true, encoding: .utf8)
        let r = try run(["--db", folder, "T"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.isTerminalSafe(r.stdout), "\(r.stdout.debugDescription)")
        #expect(r.stdout.contains(#"A\x1b[2J"#) && r.stdout.contains(#"x\x1b]0;t\x07"#), "\(r.stdout)")
    }

    @Test func artifactsAreReadOnlyFromTheQueryFileTheDatabaseAndArtifactsFolders() throws {
        _ = try TestSandboxes.minimal.get()
        let base = NSTemporaryDirectory() + "sandpiper-artifacts-" + UUID().uuidString
        for sub in ["queries", "db", "models", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: base + "/" + sub, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: base) }
        for sub in ["queries", "db", "models", "elsewhere"] {
            try sub.write(toFile: "\(base)/\(sub)/a.txt", atomically: true, encoding: .utf8)
        }
        func query(_ path: String) -> String {
            "print x = 1 | evaluate python(typeof(t:string), 'result = pd.DataFrame({\"t\": [open(\"a\").read()]})', sandbox = 'minimal', external_artifacts = bag_pack('a', '\(path)'))"
        }
        func run(_ path: String, _ extra: [String] = []) throws -> SandpiperBinary.Output {
            try "\(query(path))\n".write(toFile: base + "/queries/q.kql", atomically: true, encoding: .utf8)
            return try self.run(["--format", "csv", "-f", base + "/queries/q.kql", "--db", base + "/db"] + extra)
        }
        #expect(try run(base + "/queries/a.txt").stdout == "t\nqueries\n")
        #expect(try run(base + "/db/a.txt").stdout == "t\ndb\n")
        let outside = try run(base + "/models/a.txt")
        #expect(outside.status == 1 && outside.stderr.hasPrefix("E_SANDBOX_DENIED"), "\(outside.stderr)")
        #expect(try run(base + "/models/a.txt", ["--artifacts", base + "/models"]).stdout == "t\nmodels\n")
        // Relative to the current folder, as a user types it.
        let relative = try self.run(["--format", "csv", "--artifacts", "models", query("models/a.txt")], in: base)
        #expect(relative.stdout == "t\nmodels\n", "\(relative.stderr)")
        for secret in [
            "/etc/shadow", "/proc/self/environ", "/proc/self/maps", base + "/elsewhere/a.txt",
            base + "/queries/../elsewhere/a.txt",
        ] {
            let r = try run(secret, ["--artifacts", "/proc"])
            #expect(
                r.status == 1 && (r.stderr.hasPrefix("E_SANDBOX_DENIED") || r.stderr.hasPrefix("E_ARGUMENT")),
                "\(secret): \(r.stderr)")
            #expect(!r.stdout.contains("PATH=") && !r.stdout.contains("root:"), "\(secret) was read")
        }
    }
}
