import Columnar
import Testing

@testable import KQLEngine

/// The table format fitted to a terminal's width: the widest columns are cut first, then the columns
/// that still do not fit are left out, and a notice says how to see everything.
@Suite struct TextTableFittingTests {
    /// Widths 20, 10 and 4: 38 characters with the two spaces between columns.
    static let table = Table([
        ("a", Column(strings: [String(repeating: "a", count: 20)])),
        ("b", Column(strings: [String(repeating: "b", count: 10)])),
        ("n", Column(type: .long, values: [.long(7)])),
    ])
    static let notice = "use --max-width 0 (.width 0 in the shell) or --format csv to see everything"

    @Test func aTableThatFitsIsUnchanged() {
        #expect(
            TextTableFormatter.text(Self.table, maxTableWidth: 38) == TextTableFormatter.text(Self.table)
        )
        #expect(!TextTableFormatter.text(Self.table, maxTableWidth: 38).contains("…"))
    }

    @Test func theWidestColumnIsCutFirst() {
        #expect(
            TextTableFormatter.text(Self.table, maxTableWidth: 30) == """
                a             b              n
                string        string      long
                ------------  ----------  ----
                aaaaaaaaaaa…  bbbbbbbbbb     7
                … columns cut to fit 30 characters; \(Self.notice)
                (1 row)

                """)
    }

    @Test func columnsOfOneWidthShrinkTogether() {
        let text = TextTableFormatter.text(Self.table, maxTableWidth: 20)
        #expect(text.contains("aaaaa…  bbbbb…     7\n"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 20 || $0.hasPrefix("…") })
    }

    @Test func columnsThatCannotFitAreLeftOut() {
        #expect(
            TextTableFormatter.text(Self.table, maxTableWidth: 12) == """
                a      b
                stri…  stri…
                -----  -----
                aaaa…  bbbb…
                … 1 more column not shown; \(Self.notice)
                (1 row)

                """)
    }

    @Test func widthsAreFittedWithoutGoingBelowTheNarrowest() {
        #expect(TextTableFormatter.fitted([20, 10, 4], to: 0) == [20, 10, 4])
        #expect(TextTableFormatter.fitted([20, 10, 4], to: 30) == [12, 10, 4])
        #expect(TextTableFormatter.fitted([20, 10, 4], to: 20) == [6, 6, 4])
        #expect(TextTableFormatter.fitted([20, 10, 4], to: 12) == [5, 5])
        #expect(TextTableFormatter.fitted([30], to: 10) == [10])
        #expect(TextTableFormatter.fitted([30], to: 3) == [5])
    }
}
