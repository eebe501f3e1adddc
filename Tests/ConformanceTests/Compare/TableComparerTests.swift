import Columnar
import Testing
@testable import Conformance

@Suite struct TableComparerTests {
    static func table(_ header: [String], _ rows: [[String]], prefix: Bool = false) -> MarkdownTable {
        MarkdownTable(header: header, rows: rows, isPrefix: prefix, line: 1)
    }

    static let actual = Table([
        ("x", Column(type: .long, int64s: [1, 2, 3])),
        ("y", Column(reals: [0.3333, 0.5, 0.6666])),
        ("s", Column(strings: ["a", "b", "c"])),
    ])

    @Test func orderedMatch() {
        let d = TableComparer.compare(
            expected: Self.table(["x", "y", "s"], [["1", "0.33", "a"], ["2", "0.5", "b"], ["3", "0.67", "c"]]),
            actual: Self.actual, ordered: true)
        #expect(d.isMatch)
    }

    @Test func orderedMismatchIsCellLevel() {
        let d = TableComparer.compare(
            expected: Self.table(["x", "y", "s"], [["1", "0.33", "a"], ["3", "0.67", "c"], ["2", "0.5", "b"]]),
            actual: Self.actual, ordered: true)
        #expect(!d.isMatch)
        #expect(
            d.rows.first
                == .cells(
                    expected: 1, actual: 1,
                    [
                        CellDiff(column: "x", expected: "3", actual: "2"),
                        CellDiff(column: "y", expected: "0.67", actual: "0.5"),
                        CellDiff(column: "s", expected: "c", actual: "b"),
                    ]))
    }

    @Test func unorderedIgnoresRowOrder() {
        let e = Self.table(["x", "y", "s"], [["3", "0.67", "c"], ["1", "0.33", "a"], ["2", "0.5", "b"]])
        #expect(TableComparer.compare(expected: e, actual: Self.actual, ordered: false).isMatch)
    }

    @Test func unorderedMatchingDoesNotLetAFuzzyRowStealAnother() {
        // "0.3" matches 0.3 and 0.34; "0.30" matches only 0.3. Pairing "0.3" with 0.3 first would strand "0.30":
        // the maximum matching moves "0.3" to 0.34, in either row order.
        let e = Self.table(["v"], [["0.3"], ["0.30"]])
        #expect(
            TableComparer.compare(expected: e, actual: Table([("v", Column(reals: [0.3, 0.34]))]), ordered: false)
                .isMatch)
        #expect(
            TableComparer.compare(expected: e, actual: Table([("v", Column(reals: [0.34, 0.3]))]), ordered: false)
                .isMatch)
        #expect(
            !TableComparer.compare(expected: e, actual: Table([("v", Column(reals: [0.34, 0.34]))]), ordered: false)
                .isMatch)
    }

    @Test func unorderedReportsMissingAndUnexpectedRows() {
        let e = Self.table(["x", "y", "s"], [["1", "0.33", "a"], ["9", "9", "z"]])
        let d = TableComparer.compare(expected: e, actual: Self.actual, ordered: false)
        #expect(d.problems == ["expected 2 rows, got 3"])
        #expect(d.rows.contains(.missing(expected: 1, ["9", "9", "z"])))
        #expect(d.rows.filter { if case .unexpected = $0 { return true } else { return false } }.count == 2)
    }

    @Test func closestRowGivesACellDiff() {
        let e = Self.table(["x", "y", "s"], [["1", "0.33", "a"], ["2", "0.5", "B"], ["3", "0.67", "c"]])
        let d = TableComparer.compare(expected: e, actual: Self.actual, ordered: false)
        #expect(d.rows == [.cells(expected: 1, actual: 1, [CellDiff(column: "s", expected: "B", actual: "b")])])
    }

    @Test func ellipsisMeansPrefix() {
        let ordered = Self.table(["x", "y", "s"], [["1", "0.33", "a"], ["2", "0.5", "b"]], prefix: true)
        #expect(TableComparer.compare(expected: ordered, actual: Self.actual, ordered: true).isMatch)
        let wrongPrefix = Self.table(["x", "y", "s"], [["2", "0.5", "b"]], prefix: true)
        #expect(!TableComparer.compare(expected: wrongPrefix, actual: Self.actual, ordered: true).isMatch)
        #expect(TableComparer.compare(expected: wrongPrefix, actual: Self.actual, ordered: false).isMatch)
        let tooLong = Self.table(["x"], [["1"], ["2"], ["3"], ["4"]], prefix: true)
        #expect(
            !TableComparer.compare(
                expected: tooLong, actual: Table([("x", Column(type: .long, int64s: [1, 2, 3]))]), ordered: true
            ).isMatch)
    }

    @Test func columnsMustMatchInOrder() {
        let d = TableComparer.compare(expected: Self.table(["y", "x", "s"], []), actual: Self.actual, ordered: false)
        #expect(d.problems == ["columns differ: expected (y, x, s), got (x, y, s)"])
    }

    @Test func headerTypesAreChecked() {
        let d = TableComparer.compare(
            expected: Self.table(
                ["x:int", "y:real", "s:string"], [["1", "0.33", "a"], ["2", "0.5", "b"], ["3", "0.67", "c"]]),
            actual: Self.actual, ordered: true)
        #expect(d.problems == ["column x: expected type int, got long"])
    }

    @Test func ignoredColumnsAndValues() {
        let e = Self.table(["x", "s"], [["1", "zzz"], ["2", "zzz"], ["3", "zzz"]])
        let options = ComparisonOptions(ignoreColumns: ["y"], ignoreValues: ["s"])
        #expect(TableComparer.compare(expected: e, actual: Self.actual, ordered: true, options: options).isMatch)
        #expect(
            !TableComparer.compare(
                expected: e, actual: Self.actual, ordered: true, options: ComparisonOptions(ignoreColumns: ["y"])
            ).isMatch)
    }

    @Test func shortRowsArePaddedWithEmptyCells() {
        let actual = Table([("a", Column(type: .long, int64s: [1])), ("b", Column(strings: [""]))])
        #expect(
            TableComparer.compare(expected: Self.table(["a", "b"], [["1"]]), actual: actual, ordered: true).isMatch)
    }

    @Test func manyDifferingRowsAreCapped() {
        let n = 50
        let actual = Table([("x", Column(type: .long, int64s: (0..<Int64(n)).map { $0 }))])
        let e = Self.table(["x"], (0..<n).map { ["\($0 + 1000)"] })
        let d = TableComparer.compare(expected: e, actual: actual, ordered: true)
        #expect(d.rows.count == TableComparer.maxReportedRows)
        #expect(d.omittedRows == n - TableComparer.maxReportedRows)
    }
}
