import Foundation
import Columnar

/// Compares an actual result with the table a document shows. The one place that owns these rules:
///
/// 1. Columns: the document's header names must equal the result's column names, in order. A header
///    written `name:type` also checks the type. `ignore_columns` removes columns from both sides first.
/// 2. Cells: by the actual column's type, as `CellMatcher` describes (numbers within the written precision,
///    datetimes and timespans in any spelling, dynamic as JSON, empty = null or empty string, bools as
///    `true`/`false`/`1`/`0`). `ignore_values` columns must exist but are not compared.
/// 3. Rows: in order when the query orders them (`RowOrder`), otherwise as a multiset (each document row
///    must match a distinct actual row; a maximum matching is used, so fuzzy cells cannot steal each other's rows).
/// 4. A document table ending in an ellipsis row (`...`, `…`) is a prefix: in order, its rows must be the
///    first rows of the result; as a multiset, each must match some row; extra actual rows are allowed.
public enum TableComparer {
    /// Row differences kept in a diff; the rest are counted.
    public static let maxReportedRows = 20

    /// The differences between `expected` and `actual`.
    public static func compare(
        expected: MarkdownTable, actual: Table, ordered: Bool,
        options: ComparisonOptions = .strict
    ) -> TableDiff {
        var diff = TableDiff()
        let header = expected.header.map(parseHeader)
        let keptExpected = header.indices.filter { !options.ignoreColumns.contains(header[$0].name) }
        let keptActual = actual.schema.fields.indices.filter {
            !options.ignoreColumns.contains(actual.schema.fields[$0].name)
        }
        let expectedNames = keptExpected.map { header[$0].name }
        let actualNames = keptActual.map { actual.schema.fields[$0].name }
        guard expectedNames == actualNames else {
            diff.problems.append(
                "columns differ: expected (\(expectedNames.joined(separator: ", "))), got (\(actualNames.joined(separator: ", ")))"
            )
            return diff
        }
        for (e, a) in zip(keptExpected, keptActual) {
            if let t = header[e].type, t != actual.schema.fields[a].type {
                diff.problems.append(
                    "column \(header[e].name): expected type \(t.rawValue), got \(actual.schema.fields[a].type.rawValue)"
                )
            }
        }
        let compared = zip(keptExpected, keptActual).map { (e: $0, a: $1, name: header[$0].name) }
        let expectedRows: [[String]] = expected.rows.map { row in compared.map { $0.e < row.count ? row[$0.e] : "" } }
        let actualRows: [[Value]] = (0..<actual.rowCount).map { r in compared.map { actual.columns[$0.a].value(r) } }
        let checked = compared.map { !options.ignoreValues.contains($0.name) }
        let names = compared.map(\.name)

        func cellDiffs(_ e: [String], _ a: [Value]) -> [CellDiff] {
            var out: [CellDiff] = []
            for k in e.indices where checked[k] && !CellMatcher.matches(e[k], a[k], tolerance: options.tolerance) {
                out.append(CellDiff(column: names[k], expected: e[k], actual: display(a[k])))
            }
            return out
        }
        func rowMatches(_ i: Int, _ j: Int) -> Bool {
            expectedRows[i].indices.allSatisfy { k in
                !checked[k] || CellMatcher.matches(expectedRows[i][k], actualRows[j][k], tolerance: options.tolerance)
            }
        }

        let prefix = expected.isPrefix
        if prefix ? actualRows.count < expectedRows.count : actualRows.count != expectedRows.count {
            diff.problems.append(
                "expected \(prefix ? "at least " : "")\(expectedRows.count) row\(expectedRows.count == 1 ? "" : "s"), got \(actualRows.count)"
            )
        }
        var rowDiffs: [RowDiff] = []
        if ordered {
            let n = min(expectedRows.count, actualRows.count)
            for i in 0..<n {
                let cells = cellDiffs(expectedRows[i], actualRows[i])
                if !cells.isEmpty { rowDiffs.append(.cells(expected: i, actual: i, cells)) }
            }
            for i in n..<expectedRows.count { rowDiffs.append(.missing(expected: i, expectedRows[i])) }
            if !prefix {
                for j in n..<actualRows.count { rowDiffs.append(.unexpected(actual: j, actualRows[j].map(display))) }
            }
        } else {
            let matching = RowMatching.maximum(
                expected: expectedRows.count, actual: actualRows.count, matches: rowMatches)
            var freeActual = Set(actualRows.indices).subtracting(matching.values)
            for i in expectedRows.indices where matching[i] == nil {
                // Show the unmatched row against its closest unmatched actual row, for a cell-level diff.
                let best = freeActual.max { a, b in
                    score(expectedRows[i], actualRows[a]) < score(expectedRows[i], actualRows[b])
                        || (score(expectedRows[i], actualRows[a]) == score(expectedRows[i], actualRows[b]) && a > b)
                }
                if let j = best, score(expectedRows[i], actualRows[j]) > 0 {
                    freeActual.remove(j)
                    rowDiffs.append(.cells(expected: i, actual: j, cellDiffs(expectedRows[i], actualRows[j])))
                } else {
                    rowDiffs.append(.missing(expected: i, expectedRows[i]))
                }
            }
            if !prefix {
                for j in freeActual.sorted() { rowDiffs.append(.unexpected(actual: j, actualRows[j].map(display))) }
            }
        }
        diff.rows = Array(rowDiffs.prefix(maxReportedRows))
        diff.omittedRows = max(0, rowDiffs.count - maxReportedRows)
        return diff

        func score(_ e: [String], _ a: [Value]) -> Int {
            e.indices.reduce(0) { $0 + (CellMatcher.matches(e[$1], a[$1], tolerance: options.tolerance) ? 1 : 0) }
        }
    }

    /// A header cell `name` or `name:type` (the type only when it is a KQL type name).
    static func parseHeader(_ cell: String) -> (name: String, type: ScalarType?) {
        if let colon = cell.lastIndex(of: ":"), let t = ScalarType(kqlName: cell[cell.index(after: colon)...].trimmed) {
            return (cell[..<colon].trimmed, t)
        }
        return (cell, nil)
    }

    /// How a diff shows an actual value: `null` for null, otherwise KQL's text form with newlines and tabs escaped.
    public static func display(_ v: Value) -> String {
        if v.isNull { return "null" }
        return v.text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }
}
