import Columnar

/// The text of one cell for people: KQL's `tostring` form with control characters escaped (`\t`,
/// `\n`, `\r`, and `\xHH` for the rest of C0, DEL and C1) so every row stays on one line and no
/// value — a string from a file, a script's result — can send a terminal escape sequence (a clipboard
/// write, a new window title, a cleared screen) to the user's terminal; nil for a null value.
public enum DisplayText {
    static func cell(_ column: Column, _ row: Int) -> String? {
        let v = column.value(row)
        if v.isNull { return nil }
        return escaped(v.text)
    }

    /// `s` with tabs, newlines and carriage returns written `\t`, `\n`, `\r`, and every other control
    /// character (C0, DEL, C1) written `\xHH`.
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(ch): out += hex(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// `s` safe to write to a terminal as running text (print output, error messages, reports): line
    /// breaks and tabs stay, every other control character (an escape sequence's ESC, BEL, a lone
    /// carriage return that would overwrite the line, C1's CSI) is written `\xHH`.
    public static func forTerminal(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return s }
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            if ch == "\n" || ch == "\t" || (ch == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
                || !isControl(ch)
            {
                out.unicodeScalars.append(ch)
            } else {
                out += hex(ch)
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls: what terminals act on instead of showing.
    static func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || (0x7f...0x9f).contains(c.value) }

    private static func hex(_ c: Unicode.Scalar) -> String {
        let digits = String(c.value, radix: 16)
        return "\\x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// `s` cut to `width` characters, the last one replaced by `…` when it was longer.
    static func truncated(_ s: String, to width: Int) -> String {
        guard width > 0, s.count > width else { return s }
        return String(s.prefix(width - 1)) + "…"
    }

    /// Numbers align right in tables.
    static func isNumeric(_ type: ScalarType) -> Bool { type.isNumeric }
}
