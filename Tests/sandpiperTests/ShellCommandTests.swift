import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sandpiper shell` driven through standard input (not a terminal): the same syntax as at the prompt,
/// without prompts or banner, every error printed and the session going on.
@Suite(.serialized) struct ShellCommandTests {
    let now = ["--now", "2025-01-01T00:00:00Z"]

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func queriesEndAtABlankLineOrASemicolonAndCommandsApply() throws {
        let input = """
            print x = 1;
            .format csv
            print y = 2
            | extend z = y * 10

            let k = 3;
            print k2 = k;
            .quit
            print never = 1;

            """
        let r = try SandpiperBinary.run(["shell"] + now, stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(r.stdout == "   x\nlong\n----\n   1\n(1 row)\ny,z\n2,20\nk2\n3\n")
    }

    @Test func errorsArePrintedAndTheSessionGoesOn() throws {
        let input = "print nosuch;\n.format xml\n.timer sometimes\nprint ok = 1;\n"
        let r = try SandpiperBinary.run(["shell"] + now, stdin: input)
        #expect(r.status == 1, "a failed query makes the exit status 1 without a terminal")
        #expect(r.stderr.contains("E_UNKNOWN_NAME"), "\(r.stderr)")
        #expect(r.stderr.contains("1:7"), "the position in the query: \(r.stderr)")
        #expect(r.stderr.contains("E_SHELL_COMMAND: `.format` needs table, csv, json or markdown, not 'xml'"))
        #expect(r.stderr.contains("E_SHELL_COMMAND: `.timer` needs on or off"))
        #expect(r.stdout == "  ok\nlong\n----\n   1\n(1 row)\n", "\(r.stdout)")
    }

    @Test func dbSwitchesTheDatabaseAndTimerPrintsTheTime() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a,b\n1,x\n2,y\n".write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let input =
            ".db \(dir.path)\n.timer on\nt | count;\n.db\n.db sample\n.timer off\nStormEvents | take 0 | count;\n"
        let r = try SandpiperBinary.run(["shell"] + now, stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "database: folder \(dir.path) (t)")
        #expect(lines.contains("    2"), "t has two rows: \(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("(") && $0.hasSuffix(" s)") }, "the timer's line: \(r.stdout)")
        #expect(lines.filter { $0 == "database: folder \(dir.path) (t)" }.count == 2)
        #expect(lines.contains { $0.hasPrefix("database: the sample database (") })
        #expect(lines.contains("    0"), "the sample database's StormEvents: \(r.stdout)")
    }

    @Test func renderWritesTheChartIntoTheFolderAndPrintsItsPath() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let charts = dir.appendingPathComponent("charts").path
        let input = """
            range x from 1 to 5 step 1 | extend y = x * x | render linechart with (title='Squares');
            .chart html
            range x from 1 to 3 step 1 | extend y = x | render columnchart;
            .chart off
            print a = 1 | render table;

            """
        let r = try SandpiperBinary.run(["shell", "--chart-dir", charts] + now, stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let written = r.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "chart written to ") else { return nil }
            return String(line[range.upperBound...])
        }
        #expect(written.count == 2, "\(r.stdout)")
        guard written.count == 2 else { return }
        #expect(written[0].hasPrefix(charts + "/") && written[0].hasSuffix("-1-linechart.svg"))
        #expect(written[1].hasSuffix("-2-columnchart.html"))
        let svg = try String(contentsOfFile: written[0], encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains(">Squares</text>"))
        let html = try String(contentsOfFile: written[1], encoding: .utf8)
        #expect(html.contains("<svg") && html.lowercased().contains("<table"))
        #expect(r.stdout.contains("render table: draw it with --chart"), "with .chart off nothing is written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: charts).count == 2)
    }

    @Test func jsonGivesTheVisualizationAndStatisticsLinesAsQueryDoes() throws {
        let query = "range x from 1 to 3 step 1 | render linechart with (title='T')"
        let input = ".format json\n\(query);\n"
        let r = try SandpiperBinary.run(["shell", "--chart", "off"] + now, stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let shell = r.stdout.split(separator: "\n").map(String.init)
        let q = try SandpiperBinary.run(["query", "--format", "json"] + now + [query])
        let direct = q.stdout.split(separator: "\n").map(String.init)
        #expect(shell.count == 3 && direct.count == 3, "\(r.stdout)")
        guard shell.count == 3, direct.count == 3 else { return }
        #expect(shell[0] == direct[0] && shell[0].hasPrefix("{\"columns\":"))
        #expect(shell[1] == direct[1] && shell[1].hasPrefix("{\"visualization\":{\"Visualization\":\"linechart\""))
        #expect(shell[2].hasPrefix("{\"statistics\":{\"ExecutionTime\":"))
        #expect(shell[2].hasSuffix("\"dataset_statistics\":[{\"table_row_count\":3}]}}"), "\(shell[2])")
    }

    @Test func ctrlCCancelsTheRunningQueryAndTheNextOneRuns() throws {
        // Sorting ten million rows on two keys runs for minutes in a debug build.
        let input = """
            range x from 1 to 10000000 step 1 | extend y = hash(x) | sort by y asc, x desc | count;
            print after = 1;

            """
        let signalled = Mutex<Date?>(nil)
        // Ctrl-C at the prompt does nothing: the signal is sent once the query has used 3 s of CPU.
        let r = try SandpiperBinary.run(["shell", "--timeout", "120s"] + now, stdin: input) { pid in
            SandpiperBinary.waitForCPU(pid, seconds: 3)
            signalled.withLock { $0 = Date() }
            kill(pid, SIGINT)
        }
        let ended = Date()
        #expect(r.stderr.contains("E_CANCELLED: the query was cancelled: stopped by Ctrl-C"), "\(r.stderr)")
        #expect(r.stdout.contains("after"), "the shell went on after Ctrl-C: \(r.stdout)")
        #expect(r.signal == nil, "the shell was not ended by the signal")
        let at = try #require(signalled.withLock { $0 })
        // E_CANCELLED comes within 0.5 s of the signal; under a loaded test machine allow more.
        #expect(ended.timeIntervalSince(at) < 3, "\(ended.timeIntervalSince(at)) s from Ctrl-C to the end")
    }
}
