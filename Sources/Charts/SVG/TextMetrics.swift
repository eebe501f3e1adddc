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

    static func advance(_ c: Unicode.Scalar) -> Double {
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

    /// `text` cut to fit `maxWidth`, ending in an ellipsis when cut (one pass: labels may be long).
    static func fit(_ text: String, size: Double, maxWidth: Double) -> String {
        let room = maxWidth / size
        var used = 0.0, fits = 0, whole = true
        let ellipsis = advance("…")
        var scalars = 0
        for c in text.unicodeScalars {
            used += advance(c)
            if used > room { whole = false; break }
            scalars += 1
            if used + ellipsis <= room { fits = scalars }
        }
        if whole { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.prefix(fits))
        return String(out) + "…"
    }
}
