import Foundation

/// Writes RFC 4180 CSV (or TSV with `delimiter` a tab): a field is quoted when it holds the delimiter,
/// a quote, a CR or LF, or starts or ends with a space; quotes inside are doubled. Lines end with LF.
///
/// The checks are made on the UTF-8 bytes, as ``CSVReader`` reads them: a delimiter followed by a
/// combining mark is one character to Swift but still a delimiter to the reader. A record of one empty
/// field is written `""`, since an empty line is skipped as blank.
public enum CSVWriter {
    /// `text` as one field.
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        needsQuotes(text, delimiter: delimiter) ? quoted(text) : text
    }

    /// `text` quoted, inner quotes doubled.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 2)
        for b in text.utf8 {
            bytes.append(b)
            if b == 0x22 { bytes.append(b) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func needsQuotes(_ text: String, delimiter: Character) -> Bool {
        let d = delimiter.asciiValue ?? UInt8(ascii: ",")
        if text.utf8.contains(where: { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return true }
        return text.utf8.first == 0x20 || text.utf8.last == 0x20
    }

    /// One record, with its line ending.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"\n" }
        return fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }
}
