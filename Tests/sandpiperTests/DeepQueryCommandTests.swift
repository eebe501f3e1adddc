import Foundation
import Testing

/// The deep-input reproducers of issue 11 through the built binary: each ends with a result (exit 0) or a
/// coded error (exit 1), never a signal. docs/limits.md describes the limits.
@Suite(.serialized) struct DeepQueryCommandTests {
    /// Writes `query` to a file in a fresh folder and runs `sandpiper query --format csv -f` on it.
    func run(_ query: String) throws -> (SandpiperBinary.Output, path: String) {
        let folder = NSTemporaryDirectory() + "sandpiper-deep-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/q.kql"
        try query.write(toFile: path, atomically: true, encoding: .utf8)
        return (try SandpiperBinary.run(["query", "--format", "csv", "-f", path]), path)
    }

    @Test func twoThousandParenthesesAreACodedError() throws {
        let (r, path) = try run(
            "print " + String(repeating: "(", count: 2_000) + "1" + String(repeating: ")", count: 2_000))
        #expect(r.signal == nil)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("E_QUERY_TOO_COMPLEX: \(path):1:") == true)
        #expect(lines.first?.hasSuffix(": expressions nest more than 1000 levels deep") == true)
        #expect(lines.count == 5)  // the message, the line, the caret, the hint, the final newline
        #expect(lines.dropFirst(3).first?.hasPrefix("hint: flatten the query") == true)
    }

    @Test func sevenThousandTermSumPrintsItsSum() throws {
        let (r, _) = try run("print s = " + Array(repeating: "1", count: 7_000).joined(separator: "+"))
        #expect(r == SandpiperBinary.Output(stdout: "s\n7000\n", stderr: "", status: 0))
    }

    @Test func tenThousandChainedLetsRun() throws {
        var query = "let t0 = print x = 1;\n"
        for i in 1..<10_000 { query += "let t\(i) = t\(i - 1) | extend x = x + 1;\n" }
        let (r, _) = try run(query + "t9999")
        #expect(r == SandpiperBinary.Output(stdout: "x\n10000\n", stderr: "", status: 0))
    }

    @Test func twentyFiveLevelsOfDoublingFinish() throws {
        var query = "let f0 = (x:long) { x + 1 };\n"
        for i in 1...25 { query += "let f\(i) = (x:long) { f\(i - 1)(x) + f\(i - 1)(x) };\n" }
        let (folded, _) = try run(query + "print y = f25(1)")
        #expect(folded == SandpiperBinary.Output(stdout: "y\n67108864\n", stderr: "", status: 0))
        let (overColumn, _) = try run(query + "range x from 1 to 3 step 1 | extend y = f25(x)")
        #expect(overColumn.status == 1)
        #expect(overColumn.stderr.hasPrefix("E_QUERY_TOO_COMPLEX: "))
    }

    @Test func aRecursiveFunctionIsACodedError() throws {
        let (r, path) = try run("let f = (n:long) { iff(n <= 1, 1, n * f(n - 1)) };\nprint f(5)")
        #expect(
            r
                == SandpiperBinary.Output(
                    stdout: "",
                    stderr: """
                        E_RECURSIVE_FUNCTION: \(path):1:39: function 'f' calls itself (f → f); KQL functions cannot be recursive
                          let f = (n:long) { iff(n <= 1, 1, n * f(n - 1)) };
                                                                ^
                        hint: rewrite it without recursion, for example over `range` or with `mv-apply`

                        """, status: 1))
    }

    @Test func parseJsonOfAHundredThousandBracketsIsText() throws {
        let (r, _) = try run("print t = gettype(parse_json('" + String(repeating: "[", count: 100_000) + "'))")
        #expect(r == SandpiperBinary.Output(stdout: "t\nstring\n", stderr: "", status: 0))
    }
}
