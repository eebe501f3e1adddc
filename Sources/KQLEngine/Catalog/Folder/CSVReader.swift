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

/// Why a CSV text could not be read, and where.
public struct CSVError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String
    public var description: String { "\(line):\(column): \(reason)" }
}

/// Reads RFC 4180 CSV (or the same rules with another delimiter, such as a tab for TSV).
///
/// Fields may be quoted with `"`; a quoted field may hold delimiters, newlines and doubled quotes
/// (`""`). Records end at LF or CRLF. A UTF-8 byte-order mark is skipped, as are empty lines
/// (a CSV line with one empty field cannot be told from a blank line anyway). A stray quote inside an
/// unquoted field is kept as text; text after a closing quote, or a quote that never closes, is an error.
public enum CSVReader {
    public static func records(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return try records(bytes: bytes, delimiter: delimiter)
    }

    static func records(bytes b: [UInt8], delimiter: UInt8) throws(CSVError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var out: [CSVRecord] = []
        var i = 0, line = 1, lineStart = 0
        while i < b.count {
            // Skip empty lines between records.
            if b[i] == lf { i += 1; line += 1; lineStart = i; continue }
            if b[i] == cr, i + 1 < b.count, b[i + 1] == lf { i += 2; line += 1; lineStart = i; continue }
            let recordLine = line
            var fields: [CSVField] = []
            var endOfRecord = false
            while !endOfRecord {
                if i < b.count, b[i] == quote {
                    let openLine = line, openColumn = i - lineStart + 1
                    i += 1
                    var field: [UInt8] = []
                    var closed = false
                    while i < b.count {
                        let c = b[i]
                        if c == quote {
                            if i + 1 < b.count, b[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1; closed = true; break
                        }
                        if c == lf { line += 1; lineStart = i + 1 }
                        field.append(c); i += 1
                    }
                    guard closed else {
                        throw CSVError(line: openLine, column: openColumn, reason: "a quoted field is never closed")
                    }
                    fields.append(CSVField(String(decoding: field, as: UTF8.self), quoted: true))
                    if i < b.count, b[i] != delimiter, b[i] != lf, !(b[i] == cr && i + 1 < b.count && b[i + 1] == lf) {
                        throw CSVError(line: line, column: i - lineStart + 1,
                                       reason: "unexpected text after a closing quote (a quote inside a field must be doubled: \"\")")
                    }
                } else {
                    let start = i
                    while i < b.count, b[i] != delimiter, b[i] != lf, !(b[i] == cr && i + 1 < b.count && b[i + 1] == lf) { i += 1 }
                    fields.append(CSVField(String(decoding: b[start..<i], as: UTF8.self)))
                }
                if i >= b.count {
                    endOfRecord = true
                } else if b[i] == delimiter {
                    i += 1
                } else {
                    i += b[i] == cr ? 2 : 1
                    line += 1; lineStart = i
                    endOfRecord = true
                }
            }
            out.append(CSVRecord(fields: fields, line: recordLine))
        }
        return out
    }
}
