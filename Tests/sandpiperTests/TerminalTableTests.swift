import Foundation
import Testing

/// The table format is for reading: a row cap with a count of the rest, nulls apart from the string
/// "null", reals with at most 15 significant digits (csv keeps every digit), and `--max-width 0`.
@Suite struct TerminalTableTests {
    @Test func rowsPastTheCapAreCounted() throws {
        let r = try SandpiperBinary.run(["query", "range x from 1 to 100000 step 1"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 + 40 + 3)
        #expect(lines[3 + 39] == "  40")
        #expect(lines[3 + 40] == "… 99,960 more rows; use --format csv or --max-rows 0")
        #expect(lines[3 + 41] == "(100000 rows)")
        let all = try SandpiperBinary.run(["query", "--max-rows", "0", "range x from 1 to 50 step 1"])
        #expect(all.stdout.hasSuffix("  50\n(50 rows)\n"))
    }

    @Test func nullsRealsAndWidth() throws {
        let r = try SandpiperBinary.run([
            "query", "--max-width", "0",
            "print n = int(null), s = 'null', r = 22671.899999999998, w = strrep('ab', 30)",
        ])
        #expect(
            r.stdout == """
                   n  s             r  w
                 int  string     real  string
                ----  ------  -------  ------------------------------------------------------------
                null  "null"  22671.9  abababababababababababababababababababababababababababababab
                (1 row)

                """)
        let csv = try SandpiperBinary.run(["query", "--format", "csv", "print r = 22671.899999999998, s = 'null'"])
        #expect(csv.stdout == "r,s\n22671.899999999998,null\n")
    }
}
