import Columnar

/// The partial-result notice of a truncated result (ADX reports it as a partial query failure with the
/// code `E_QUERY_RESULT_SET_TOO_LARGE`): which limit was passed, how many records were kept of how many.
/// The result itself is still returned; the CLI prints the notice on standard error and, in
/// `--format json`, as a `truncation` field of the table.
public struct TruncationNotice: CodedError, Equatable {
    /// Which limit cut the result.
    public enum Limit: String, Sendable {
        case records = "truncationmaxrecords"
        case size = "truncationmaxsize"
    }
    public var limit: Limit
    /// The limit's value: records, or bytes.
    public var maximum: Int
    /// Records returned.
    public var keptRows: Int
    /// Records the statement produced.
    public var totalRows: Int

    public init(limit: Limit, maximum: Int, keptRows: Int, totalRows: Int) {
        self.limit = limit; self.maximum = maximum; self.keptRows = keptRows; self.totalRows = totalRows
    }

    public var code: ErrorCode { .resultTruncated }

    public var message: String {
        let passed =
            limit == .records
            ? "more than the record limit of \(maximum)"
            : "more than the data size limit of \(maximum) bytes"
        return
            "partial result: the result has \(totalRows) records, \(passed) (\(limit.rawValue)); only the first \(keptRows) are returned"
    }

    public var hint: String? {
        "reduce the result (take, summarize, project away wide columns), or change the limit with `set \(limit.rawValue) = N;` "
            + "or `set notruncation;` (CLI: --truncation-max-records, --truncation-max-size, --no-truncation)"
    }
}

/// Applies a statement's result limits: `query_take_max_records` (a silent cut, as `take` would make)
/// and truncation at `truncationmaxrecords` records or `truncationmaxsize` bytes, whichever comes first.
/// A record's size counts each cell's data: fixed-width values their width, strings their UTF-8 bytes,
/// dynamic values their estimated size in memory.
enum ResultTruncation {
    static func apply(_ limits: RequestLimits, to table: Table) -> (Table, TruncationNotice?) {
        var t = table
        if let take = limits.takeMaxRecords, t.rowCount > take { t = TakeOperator(count: take).execute(t) }
        guard let truncation = limits.truncation else { return (t, nil) }
        var keep = min(t.rowCount, truncation.maxRecords)
        var limit = TruncationNotice.Limit.records
        if let k = rowsWithin(bytes: truncation.maxSize, of: t, upTo: keep) {
            keep = k; limit = .size
        }
        guard keep < t.rowCount else { return (t, nil) }
        let notice = TruncationNotice(
            limit: limit, maximum: limit == .records ? truncation.maxRecords : truncation.maxSize,
            keptRows: keep, totalRows: t.rowCount)
        return (TakeOperator(count: keep).execute(t), notice)
    }

    /// How many of the first `rows` records fit in `bytes`, or nil when all of them do.
    static func rowsWithin(bytes: Int, of table: Table, upTo rows: Int) -> Int? {
        // Flat columns alone are summed at once; the row-by-row walk runs only when they might not fit.
        var flat = 0
        var hasBoxed = false
        for c in table.columns {
            if let width = c.type.fixedWidth {
                flat = MemorySize.sum(flat, MemorySize.product(width, rows))
            } else if c.type == .string, rows > 0 {
                flat = MemorySize.sum(flat, Int(c.offsets[rows] - c.offsets[0]))
            } else if c.type != .string {
                hasBoxed = true
            }
        }
        if !hasBoxed && flat <= bytes { return nil }
        var total = 0
        for r in 0..<rows {
            for c in table.columns { total = MemorySize.sum(total, cellBytes(c, r)) }
            if total > bytes { return r }
        }
        return nil
    }

    private static func cellBytes(_ c: Column, _ r: Int) -> Int {
        if let width = c.type.fixedWidth { return width }
        switch c.type {
        case .string: return Int(c.offsets[r + 1] - c.offsets[r])
        case .decimal: return 16
        default:
            guard case .dynamics(let d)? = c.objects else { return 0 }
            return MemorySize.deep(d[r])
        }
    }
}
