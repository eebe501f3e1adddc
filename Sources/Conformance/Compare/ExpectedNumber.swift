import Foundation

/// A number as a document writes it, with the precision the writing implies.
///
/// `0.33` has precision 0.01, `1.5E+20` has 1E+19, `42` has 1. The comparison accepts an actual
/// value that rounds to the written one at that precision, so `0.33` matches 0.3333 and 0.3299,
/// `0.67` matches 0.6666 (but `0.66` does not: a writer rounds, never truncates), and `3` matches
/// 2.6 and 3.4 but not 2.4 or 3.6.
struct ExpectedNumber: Equatable {
    var value: Double
    /// The place value of the last digit written (1 for integers, 0.01 for `0.33`); 0 for NaN and infinities.
    var step: Double

    init?(_ text: String) {
        var t = text.trimmed
        t.removeAll { $0 == "_" }
        switch t.lowercased() {
        case "nan": value = .nan; step = 0; return
        case "infinity", "+infinity", "inf", "+inf", "∞": value = .infinity; step = 0; return
        case "-infinity", "-inf", "-∞": value = -.infinity; step = 0; return
        default: break
        }
        let chars = Array(t)
        var i = 0
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        var intDigits = 0, fracDigits = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; intDigits += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        var exponent = 0
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            var sign = 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { sign = chars[i] == "-" ? -1 : 1; i += 1 }
            var e = 0, n = 0
            while i < chars.count, chars[i].isASCII, let d = chars[i].wholeNumberValue {
                e = e * 10 + d; i += 1; n += 1
            }
            guard n > 0 else { return nil }
            exponent = sign * e
        }
        guard i == chars.count, let v = Double(t) else { return nil }
        value = v
        step = pow(10, Double(exponent - fracDigits))
    }

    /// Whether `actual` is what a writer would have written as this number.
    func matches(_ actual: Double, tolerance: Double?) -> Bool {
        if value.isNaN { return actual.isNaN }
        if value.isInfinite { return actual == value }
        guard actual.isFinite else { return false }
        if actual == value { return true }
        let diff = abs(actual - value)
        if let tolerance, diff <= tolerance * max(1, abs(value)) { return true }
        let slack = 1e-9 * max(abs(value), step)
        // Rounded to the written precision (half a unit of the last digit either way).
        return diff <= step / 2 + slack
    }
}
