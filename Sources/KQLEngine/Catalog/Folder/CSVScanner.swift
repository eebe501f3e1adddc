/// Receives what ``CSVScanner`` finds, one field at a time, so a reader keeps no more of the text than
/// the field in hand.
protocol CSVSink {
    associatedtype Failure: Error
    /// One field's bytes (quotes removed, doubled quotes undone), valid only during the call, of the
    /// record that started on `line`.
    mutating func field(_ bytes: UnsafeRawBufferPointer, quoted: Bool, line: Int) throws(Failure)
    /// The end of a record that started on `line`.
    mutating func endRecord(line: Int) throws(Failure)
    /// The error to throw for malformed text.
    func failure(_ error: CSVError) -> Failure
}

/// RFC 4180 CSV (or TSV) read incrementally from chunks of bytes of any size: the rules of
/// ``CSVReader`` (quoted fields may hold delimiters, newlines and doubled quotes; records end at LF or
/// CRLF; a lone CR is text; empty lines between records are skipped; a leading byte-order mark is
/// skipped), with the same errors at the same line and column.
struct CSVScanner {
    let delimiter: UInt8
    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    private enum State {
        /// Between records: empty lines are skipped.
        case recordStart
        /// At the start of a field (after a delimiter).
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either the first of a doubled quote or the closing one.
        case quoteInQuoted
        /// After a closing quote: only a delimiter or the end of the line may follow.
        case afterQuote
    }

    private var state = State.recordStart
    /// A CR whose meaning (line end, or text) depends on the next byte.
    private var pendingCR = false
    private var field: [UInt8] = []
    private var quoted = false
    private var line = 1
    private var recordLine = 1
    /// Absolute offsets: of the next byte, and of the first byte of the current line (for columns).
    private var offset = 0
    private var lineStart = 0
    private var openLine = 0, openColumn = 0
    /// Bytes of a possible byte-order mark still to check at the start of the text.
    private var bomChecked = 0
    private var bomBytes: [UInt8] = []

    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// Reads the next chunk.
    mutating func feed<S: CSVSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout S) throws(S.Failure) {
        var bytes = chunk[...]
        if bomChecked < 3 {
            // The mark may straddle chunks: hold back up to three leading bytes until they are decided.
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            while bomChecked < 3, let b = bytes.first {
                bomBytes.append(b); bytes = bytes.dropFirst(); bomChecked += 1
                if b != bom[bomChecked - 1] {
                    bomChecked = 3
                    let held = bomBytes
                    bomBytes = []
                    try scanCopy(held, into: &sink)
                    break
                }
            }
            if bomChecked == 3, bomBytes == bom { bomBytes = [] }
        }
        try scan(bytes, into: &sink)
    }

    /// Ends the text: finishes the last record, or fails on an open quote.
    mutating func finish<S: CSVSink>(into sink: inout S) throws(S.Failure) {
        if bomChecked < 3, !bomBytes.isEmpty {
            bomChecked = 3
            let held = bomBytes
            bomBytes = []
            try scanCopy(held, into: &sink)
        }
        switch state {
        case .recordStart:
            if pendingCR { try emitCRField(into: &sink) }
        case .quoted:
            throw sink.failure(CSVError(line: openLine, column: openColumn, reason: "a quoted field is never closed"))
        case .quoteInQuoted, .afterQuote:
            // Only `afterQuote` holds a CR: one not followed by LF may not follow a closing quote.
            if pendingCR { throw sink.failure(afterQuoteError(at: offset - 1)) }
            try endField(into: &sink)
            try sink.endRecord(line: recordLine)
        case .fieldStart, .unquoted:
            if pendingCR { field.append(Self.cr); pendingCR = false }
            try endField(into: &sink)
            try sink.endRecord(line: recordLine)
        }
        state = .recordStart
    }

    /// A record that is only a lone CR (not followed by LF): one field holding it, as the whole-text reader does.
    private mutating func emitCRField<S: CSVSink>(into sink: inout S) throws(S.Failure) {
        pendingCR = false
        recordLine = line
        field.append(Self.cr)
        try endField(into: &sink)
        try sink.endRecord(line: recordLine)
    }

    private mutating func scan<S: CSVSink>(_ chunk: Slice<UnsafeRawBufferPointer>, into sink: inout S) throws(S.Failure)
    {
        guard let base = chunk.base.baseAddress, !chunk.isEmpty else { return }
        // Plain pointer reads: every index below is checked against `n` first.
        let p = (base + chunk.startIndex).assumingMemoryBound(to: UInt8.self)
        let n = chunk.count
        var i = 0
        while i < n {
            let b = p[i]
            if pendingCR {
                pendingCR = false
                if b == Self.lf {
                    // CRLF: the line ends here.
                    i += 1; offset += 1
                    try endOfLine(into: &sink)
                    continue
                }
                switch state {
                case .afterQuote: throw sink.failure(afterQuoteError(at: offset - 1))
                case .recordStart:
                    recordLine = line; quoted = false; field.append(Self.cr); state = .unquoted
                default:
                    field.append(Self.cr); state = .unquoted
                }
                continue  // `b` is read again in the new state
            }
            switch state {
            case .recordStart, .fieldStart:
                if state == .recordStart {
                    if b == Self.lf { line += 1; i += 1; offset += 1; lineStart = offset; continue }
                    if b == Self.cr { pendingCR = true; i += 1; offset += 1; continue }
                    recordLine = line
                }
                quoted = false
                if b == Self.quote {
                    quoted = true; openLine = line; openColumn = offset - lineStart + 1
                    state = .quoted; i += 1; offset += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                // The common case: copy a run of plain bytes at once.
                var j = i
                while j < n, p[j] != delimiter, p[j] != Self.lf, p[j] != Self.cr { j += 1 }
                if j > i { field.append(contentsOf: UnsafeBufferPointer(start: p + i, count: j - i)) }
                offset += j - i; i = j
                if i == n { continue }
                let c = p[i]
                i += 1; offset += 1
                if c == delimiter {
                    try endField(into: &sink); state = .fieldStart
                } else if c == Self.lf {
                    try endOfLine(into: &sink)
                } else {
                    pendingCR = true
                }
            case .quoted:
                var j = i
                while j < n, p[j] != Self.quote, p[j] != Self.lf { j += 1 }
                if j > i { field.append(contentsOf: UnsafeBufferPointer(start: p + i, count: j - i)) }
                offset += j - i; i = j
                if i == n { continue }
                let c = p[i]
                i += 1; offset += 1
                if c == Self.lf { field.append(c); line += 1; lineStart = offset } else { state = .quoteInQuoted }
            case .quoteInQuoted:
                if b == Self.quote {
                    field.append(b); state = .quoted; i += 1; offset += 1
                } else {
                    state = .afterQuote
                }
            case .afterQuote:
                i += 1; offset += 1
                if b == delimiter {
                    try endField(into: &sink); state = .fieldStart
                } else if b == Self.lf {
                    try endOfLine(into: &sink)
                } else if b == Self.cr {
                    pendingCR = true
                } else {
                    throw sink.failure(afterQuoteError(at: offset - 1))
                }
            }
        }
    }

    private func afterQuoteError(at position: Int) -> CSVError {
        CSVError(
            line: line, column: position - lineStart + 1,
            reason: "unexpected text after a closing quote (a quote inside a field must be doubled: \"\")")
    }

    private mutating func endOfLine<S: CSVSink>(into sink: inout S) throws(S.Failure) {
        if state == .recordStart {
            // An empty line (CRLF) between records.
            line += 1; lineStart = offset
            return
        }
        try endField(into: &sink)
        try sink.endRecord(line: recordLine)
        line += 1; lineStart = offset
        state = .recordStart
    }

    /// Scans bytes held back while the byte-order mark was undecided.
    private mutating func scanCopy<S: CSVSink>(_ held: [UInt8], into sink: inout S) throws(S.Failure) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: held.count, alignment: 1)
        defer { copy.deallocate() }
        copy.copyBytes(from: held)
        try scan(UnsafeRawBufferPointer(copy)[...], into: &sink)
    }

    private mutating func endField<S: CSVSink>(into sink: inout S) throws(S.Failure) {
        let isQuoted = quoted, line = recordLine
        // `withUnsafeBytes` does not pass a typed error through: carry it out as a value.
        let outcome: Result<Void, S.Failure> = field.withUnsafeBytes { f in
            do throws(S.Failure) { try sink.field(f, quoted: isQuoted, line: line); return .success(()) } catch {
                return .failure(error)
            }
        }
        try outcome.get()
        field.removeAll(keepingCapacity: field.capacity <= 1 << 20)
        quoted = false
    }
}
