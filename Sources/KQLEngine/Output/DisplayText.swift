import Columnar

/// The text of one cell for people: KQL's `tostring` form with control characters escaped
/// (`\t`, `\n`, `\r`) so every row stays on one line; nil for a null value.
public enum DisplayText {
    static func cell(_ column: Column, _ row: Int) -> String? {
        let v = column.value(row)
        if v.isNull { return nil }
        return escaped(v.text)
    }

    /// `s` with tabs, newlines and carriage returns written `\t`, `\n`, `\r`.
    public static func escaped(_ s: String) -> String {
        guard s.contains(where: { $0.isNewline || $0 == "\t" }) else { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// `s` cut to `width` characters, the last one replaced by `…` when it was longer.
    static func truncated(_ s: String, to width: Int) -> String {
        guard width > 0, s.count > width else { return s }
        return String(s.prefix(width - 1)) + "…"
    }

    /// Numbers align right in tables.
    static func isNumeric(_ type: ScalarType) -> Bool { type.isNumeric }
}
