import Columnar
import Foundation
import Testing
@testable import KQLEngine

@Suite struct ResultRendererTests {
    static let sample = Table([
        ("n", Column(type: .long, values: [.long(1), .null, .long(-300)])),
        ("s", Column(type: .string, values: [.string("a|b"), .string(""), .string("tab\there")])),
        ("r", Column(type: .real, values: [.real(0.5), .real(.nan), .real(2)])),
    ])

    @Test func alignedTable() {
        #expect(
            TextTableFormatter.text(Self.sample) == """
                   n  s             r
                long  string     real
                ----  ---------  ----
                   1  a|b         0.5
                null              NaN
                -300  tab\\there     2
                (3 rows)

                """)
    }

    @Test func wideCellsAreCut() {
        let t = Table([("s", Column(strings: [String(repeating: "x", count: 30)]))])
        #expect(TextTableFormatter.text(t, maxCellWidth: 10).contains("xxxxxxxxx…\n"))
    }

    @Test func markdown() {
        #expect(
            MarkdownFormatter.text(Self.sample) == """
                | n | s | r |
                |---:|---|---:|
                | 1 | a\\|b | 0.5 |
                |  |  | NaN |
                | -300 | tab\\there | 2 |

                """)
    }

    @Test func csv() {
        #expect(CSVResultFormatter.text(Self.sample) == "n,s,r\n1,a|b,0.5\n,,NaN\n-300,tab\there,2\n")
    }

    @Test func jsonContract() {
        let t = DateTimeFormat.parse("2024-01-01T00:00:00Z")!
        let table = Table([
            ("b", Column(type: .bool, values: [.bool(true)])),
            ("i", Column(type: .int, values: [.int(3)])),
            ("r", Column(type: .real, values: [.real(.infinity)])),
            ("m", Column(type: .decimal, values: [.decimal(Decimal(string: "1.5")!)])),
            ("t", Column(type: .datetime, values: [.datetime(t)])),
            ("ts", Column(type: .timespan, values: [.timespan(-90_000_000_000_000)])),
            ("g", Column(type: .guid, values: [.guid(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!)])),
            ("d", Column(type: .dynamic, values: [.dynamic(.bag(PropertyBag([("k", .array([.long(1), .null]))])))])),
            ("s", Column(type: .string, values: [.null])),
        ])
        #expect(
            JSONResultFormatter.line(table)
                == #"{"columns":[{"name":"b","type":"bool"},{"name":"i","type":"int"},{"name":"r","type":"real"},{"name":"m","type":"decimal"},{"name":"t","type":"datetime"},{"name":"ts","type":"timespan"},{"name":"g","type":"guid"},{"name":"d","type":"dynamic"},{"name":"s","type":"string"}],"rows":[[true,3,"Infinity","1.5","2024-01-01T00:00:00.0000000Z","-1.01:00:00","3f2504e0-4f89-11d3-9a0c-0305e82c3301",{"k":[1,null]},null]]}"#
        )
    }

    @Test func pluginOutputPlacement() {
        let results = [PrintableResult(table: Table([("x", Column(type: .long, int64s: [1]))]), pluginOutput: ["hi\n"])]
        let json = ResultRenderer.render(results, format: .json)
        #expect(
            json.stdout
                == "{\"columns\":[{\"name\":\"x\",\"type\":\"long\"}],\"rows\":[[1]]}\n{\"python_output\":\"hi\\n\"}\n")
        #expect(json.stderr.isEmpty)
        let csv = ResultRenderer.render(results, format: .csv)
        #expect(csv.stdout == "x\n1\n")
        #expect(csv.stderr == "--- python output ---\nhi\n")
    }

    /// ESC, BEL, DEL and C1's CSI are what terminals act on: in the forms for people they are written
    /// `\xHH`, in names and cells and in plugin output on standard error; JSON and CSV keep them exact.
    @Test func controlCharactersNeverReachATerminalRaw() {
        let hostile = "\u{1b}]52;c;eA==\u{07}\u{1b}[2J\u{7f}\u{9b}1m\r!"
        let t = Table([("n\u{1b}[1m", Column(strings: [hostile]))])
        #expect(
            TextTableFormatter.text(t, maxCellWidth: 200) == """
                n\\x1b[1m
                string
                --------------------------------------
                \\x1b]52;c;eA==\\x07\\x1b[2J\\x7f\\x9b1m\\r!
                (1 row)

                """)
        #expect(MarkdownFormatter.text(t).contains("| \\x1b]52;c;eA==\\x07"))
        let rendered = ResultRenderer.render(
            [PrintableResult(table: t, pluginOutput: ["a\u{1b}[2Jb\r\nc\rd\te\n"])], format: .table)
        #expect(rendered.stderr == "--- python output ---\na\\x1b[2Jb\r\nc\\x0dd\te\n")
        #expect(CSVResultFormatter.text(t).contains(hostile))
        #expect(JSONResultFormatter.line(t).contains("\\u001b]52;c;eA==\\u0007"))
        #expect(DisplayText.forTerminal("line\nnext\ttab") == "line\nnext\ttab")
    }
}
