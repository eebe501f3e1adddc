/// Estimated text widths, so that labels are laid out without a font engine.
///
/// Widths are DejaVu Sans advances (em fractions) by character class; DejaVu is the widest of the
/// usual sans-serif fonts (Arial and Liberation Sans are narrower), so estimates err on the side of room.
enum TextMetrics {
    static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for c in text.unicodeScalars { em += advance(c) }
        return em * size
    }

    private static func advance(_ c: Unicode.Scalar) -> Double {
        switch c {
        case " ": return 0.32
        case "i", "j", "l", "!", "|", ".", ",", ":", ";", "'", "`": return 0.28
        case "f", "t", "r", "I", "(", ")", "[", "]", "{", "}", "/", "\\", "-": return 0.40
        case "m", "w": return 0.95
        case "M", "W", "@", "%": return 0.90
        case "0"..."9", "$", "#", "_", "+", "=", "<", ">", "~", "?": return 0.64
        case "a"..."z": return 0.62
        case "A"..."Z", "&": return 0.72
        default: return c.value < 0x2E80 ? 0.70 : 1.0
        }
    }

    /// `text` cut to fit `maxWidth`, ending in an ellipsis when cut.
    static func fit(_ text: String, size: Double, maxWidth: Double) -> String {
        if width(text, size: size) <= maxWidth { return text }
        var chars = Array(text)
        while !chars.isEmpty, width(String(chars) + "…", size: size) > maxWidth { chars.removeLast() }
        return chars.isEmpty ? "…" : String(chars) + "…"
    }
}
