/// How an actual result differs from the table a document shows; empty when they match.
public struct TableDiff: Sendable, Equatable {
    /// Problems with the table as a whole (columns, row counts, a missing table).
    public var problems: [String] = []
    /// Row-level differences, at most `TableComparer.maxReportedRows`.
    public var rows: [RowDiff] = []
    /// Row differences left out of `rows`.
    public var omittedRows: Int = 0

    public init(problems: [String] = [], rows: [RowDiff] = [], omittedRows: Int = 0) {
        self.problems = problems; self.rows = rows; self.omittedRows = omittedRows
    }

    public var isMatch: Bool { problems.isEmpty && rows.isEmpty && omittedRows == 0 }
}

/// One row that differs.
public enum RowDiff: Sendable, Equatable {
    /// The expected row at `expected` (0-based, in the document table) was paired with actual row `actual` but cells differ.
    case cells(expected: Int, actual: Int, [CellDiff])
    /// An expected row that no actual row matches.
    case missing(expected: Int, [String])
    /// An actual row no expected row accounts for.
    case unexpected(actual: Int, [String])
}

/// One cell that differs: the column, what the document shows, and the actual value's text.
public struct CellDiff: Sendable, Equatable {
    public var column: String
    public var expected: String
    public var actual: String
    public init(column: String, expected: String, actual: String) {
        self.column = column; self.expected = expected; self.actual = actual
    }
}
