import Foundation

/// Writes RFC 4180 CSV (or TSV with `delimiter` a tab): a field is quoted when it holds the delimiter,
/// a quote, a CR or LF, or starts or ends with a space; quotes inside are doubled. Lines end with LF.
public enum CSVWriter {
    /// `text` as one field.
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, with its line ending.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\n"
    }
}
