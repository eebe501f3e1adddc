import Foundation

/// The text forms the conversions read, one grammar per type, shared by every ``CastMode``.
///
/// Numbers follow KQL's literals (`long.md`, `real.md`, `decimal.md`): an optional sign, digits, an
/// optional fraction and exponent; `0x` hex for integers; `nan`, `inf`, `+inf`, `-inf` (and
/// `infinity`) for reals. Surrounding whitespace is ignored. Anything else is not a number, so
/// `"1,000"`, `"12abc"` and `""` give nil.
public enum CastText {
    /// `text` without surrounding whitespace (spaces, tabs, line breaks).
    @inlinable
    public static func trimmed(_ text: String) -> Substring {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }

    /// An integer: `[+-]digits` or `[+-]0xHEX` (the `long` literal forms); a real's text truncates
    /// toward zero. Nil when the text is not a number or the number does not fit 64 bits.
    public static func long(_ text: String) -> Int64? {
        let t = trimmed(text)
        if let x = Int64(t) { return x }
        if let x = hex(t) { return x }
        return real(t).flatMap(CastKernel.long(fromReal:))
    }

    /// A real: KQL's real literal forms (`real.md`: digits with a fraction or exponent, `nan`, `+inf`,
    /// `-inf`, and `infinity`), or an integer's decimal digits. Hex is a `long` literal form only.
    public static func real(_ text: String) -> Double? { real(trimmed(text)) }

    static func real(_ t: Substring) -> Double? {
        switch t.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        return isDecimalNumber(t) ? Double(t) : nil
    }

    /// A decimal: the real grammar without the non-finite names; nil past what `Decimal` holds.
    public static func decimal(_ text: String) -> Decimal? {
        let t = trimmed(text)
        guard isDecimalNumber(t) else { return nil }
        return Decimal(string: String(t), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A bool: `true`/`false` in any case, or `1`/`0`.
    public static func bool(_ text: String) -> Bool? {
        let t = trimmed(text)
        guard t.utf8.count <= 5 else { return nil }
        switch t.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// A guid, as `toguid` reads it: the first 32 hex digits, hyphens between them ignored, anything
    /// after them ignored (`toguid-function.md`).
    public static func guid(_ text: String) -> UUID? {
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        for b in trimmed(text).utf8 {
            if digits.count == 32 { break }
            if b == UInt8(ascii: "-") { continue }
            guard let d = hexDigit(b) else { return nil }
            digits.append(d)
        }
        guard digits.count == 32 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            for k in 0..<16 { raw[k] = digits[2 * k] << 4 | digits[2 * k + 1] }
        }
        return UUID(uuid: bytes)
    }

    /// `[+-]0x` followed by hex digits, as the `long` literal allows; nil past 64 bits.
    static func hex(_ t: Substring) -> Int64? {
        var s = t
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        guard s.hasPrefix("0x") || s.hasPrefix("0X") else { return nil }
        let digits = s.dropFirst(2)
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: 16) else { return nil }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return Int64(exactly: magnitude)
    }

    /// `[+-](digits[.digits]|.digits)([eE][+-]digits)`: the decimal forms, which Swift's `Double(_:)`
    /// also reads, without the hex floats and names it accepts beyond KQL's.
    static func isDecimalNumber(_ t: Substring) -> Bool {
        var i = t.utf8.startIndex
        let u = t.utf8
        func digits() -> Int {
            var n = 0
            while i < u.endIndex, u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") { i = u.index(after: i); n += 1 }
            return n
        }
        if i < u.endIndex, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i = u.index(after: i) }
        var mantissa = digits()
        if i < u.endIndex, u[i] == UInt8(ascii: ".") { i = u.index(after: i); mantissa += digits() }
        guard mantissa > 0 else { return false }
        if i < u.endIndex, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i = u.index(after: i)
            if i < u.endIndex, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i = u.index(after: i) }
            guard digits() > 0 else { return false }
        }
        return i == u.endIndex
    }

    private static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
