import Columnar

/// One field of a CSV record: its text (quotes removed, doubled quotes undone) and whether it was quoted.
public struct CSVField: Sendable, Hashable {
    public var text: String
    public var quoted: Bool
    public init(_ text: String, quoted: Bool = false) { self.text = text; self.quoted = quoted }
}

/// One record of a CSV text and the 1-based line it starts on (records may span lines).
public struct CSVRecord: Sendable {
    public var fields: [CSVField]
    public var line: Int
}

/// Why a CSV text could not be read, and where (`E_DATA`).
public struct CSVError: CodedError {
    public var line: Int
    public var column: Int
    public var reason: String
    public var code: ErrorCode { .data }
    public var message: String { "\(line):\(column): \(reason)" }
    public var hint: String? { "fix the quoting at that line (RFC 4180: a quoted field ends at a lone quote)" }
    public var description: String { message }
}

/// Reads RFC 4180 CSV (or the same rules with another delimiter, such as a tab for TSV).
///
/// Fields may be quoted with `"`; a quoted field may hold delimiters, newlines and doubled quotes
/// (`""`). Records end at LF or CRLF. A UTF-8 byte-order mark is skipped, as are empty lines
/// (a CSV line with one empty field cannot be told from a blank line anyway). A stray quote inside an
/// unquoted field is kept as text; text after a closing quote, or a quote that never closes, is an error.
public enum CSVReader {
    public static func records(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) -> [CSVRecord] {
        var scanner = CSVScanner(delimiter: delimiter)
        var sink = Collector()
        let bytes = Array(text.utf8)
        let outcome: Result<Void, CSVError> = bytes.withUnsafeBytes { b in
            do throws(CSVError) { try scanner.feed(b, into: &sink); return .success(()) } catch {
                return .failure(error)
            }
        }
        try outcome.get()
        try scanner.finish(into: &sink)
        return sink.records
    }

    /// Keeps every record (for inline data, which is in memory already; files are read field by field).
    private struct Collector: CSVSink {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []

        mutating func field(_ bytes: UnsafeRawBufferPointer, quoted: Bool, line: Int) throws(CSVError) {
            fields.append(CSVField(String(decoding: bytes, as: UTF8.self), quoted: quoted))
        }

        mutating func endRecord(line: Int) throws(CSVError) {
            records.append(CSVRecord(fields: fields, line: line))
            fields = []
        }

        func failure(_ error: CSVError) -> CSVError { error }
    }
}
