import Columnar

extension Lexer {
    /// Numbers: `123`, `0x1F`, `1.5`, `1e3`, and timespans with a unit suffix (`1d`, `1.5s`, `100ms`, `10microsecond`).
    mutating func lexNumber() -> Token.Kind {
        let start = index
        if byte() == UInt8(ascii: "0"), byte(1) == UInt8(ascii: "x") || byte(1) == UInt8(ascii: "X") {
            index += 2
            let digitsStart = index
            while let c = byte(), c.isHexDigit { index += 1 }
            guard index > digitsStart, let v = Int64(text(digitsStart, index), radix: 16) else {
                return .error("invalid hexadecimal literal '\(text(start, index))'")
            }
            if let c = byte(), Lexer.isIdentifierPart(c) {
                lexWord()
                return .error("invalid number '\(text(start, index))'")
            }
            return .long(v)
        }
        var isReal = false
        while let c = byte(), Lexer.isDigit(c) { index += 1 }
        if byte() == UInt8(ascii: "."), let c = byte(1), Lexer.isDigit(c) {
            isReal = true
            index += 1
            while let c = byte(), Lexer.isDigit(c) { index += 1 }
        }
        if byte() == UInt8(ascii: "e") || byte() == UInt8(ascii: "E") {
            var k = 1
            if byte(1) == UInt8(ascii: "+") || byte(1) == UInt8(ascii: "-") { k = 2 }
            if let c = byte(k), Lexer.isDigit(c) {
                isReal = true
                index += k
                while let c = byte(), Lexer.isDigit(c) { index += 1 }
            }
        }
        let number = text(start, index)
        if let c = byte(), Lexer.isIdentifierPart(c) {
            let unitStart = index
            lexWord()
            let unit = text(unitStart, index)
            guard let perUnit = TimespanFormat.unitNanos(unit), let value = Double(number) else {
                // Digits followed by a word that is no timespan unit make a name, as in Kusto's lexer
                // (`bin(5Minutebin = Timestamp, 5m)`); after a fraction or exponent they are a mistake.
                if !isReal, Lexer.isLetter(bytes[unitStart]) || bytes[unitStart] == UInt8(ascii: "_") {
                    return .identifier
                }
                return .error("invalid number '\(text(start, index))': '\(unit)' is not a timespan unit")
            }
            // Whole counts multiply exactly (`106751d` is in range, 106752d is not).
            let whole = isReal ? nil : Int64(number)
            guard
                let nanos = whole.map({ CheckedMath.multiply($0, perUnit) })
                    ?? TimespanFormat.nanos(value, perUnit: perUnit)
            else {
                return .error("timespan literal '\(text(start, index))' is out of range (about ±106,751 days)")
            }
            return .timespan(nanos)
        }
        if isReal {
            guard let v = Double(number) else { return .error("invalid real literal '\(number)'") }
            return .real(v)
        }
        guard let v = Int64(number) else {
            return .error("integer literal '\(number)' does not fit in a long; write it as real (\(number).0)")
        }
        return .long(v)
    }

    /// `@'..'`, `h'..'`, `h@'..'`, `r'..'`, `r'''..'''` — a string with a one- or two-letter prefix.
    mutating func lexPrefixedString() -> Token.Kind? {
        guard let b = byte() else { return nil }
        func isQuote(_ c: UInt8?) -> Bool { c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") }
        let lower = b | 0x20
        if b == UInt8(ascii: "@"), isQuote(byte(1)) {
            index += 1
            return lexQuoted(escapes: false)
        }
        if lower == UInt8(ascii: "h") {
            // Obfuscated strings only hide the text from logs; the value is the same.
            if isQuote(byte(1)) { index += 1; return lexQuoted(escapes: true) }
            if byte(1) == UInt8(ascii: "@"), isQuote(byte(2)) { index += 2; return lexQuoted(escapes: false) }
            if byte(1) == UInt8(ascii: "`"), byte(2) == UInt8(ascii: "`"), byte(3) == UInt8(ascii: "`") {
                index += 1
                return lexMultiline()
            }
        }
        if lower == UInt8(ascii: "r"), isQuote(byte(1)) {
            index += 1
            return lexRaw()
        }
        return nil
    }

    /// `'...'` or `"..."` at `index`; with `escapes`, backslash sequences are decoded, otherwise a doubled quote stands for one.
    mutating func lexQuoted(escapes: Bool) -> Token.Kind {
        let start = index
        let quote = bytes[index]
        index += 1
        var out: [UInt8] = []
        while let c = byte() {
            if c == quote {
                if !escapes, byte(1) == quote { out.append(quote); index += 2; continue }
                index += 1
                return .string(String(decoding: out, as: UTF8.self), multiline: false)
            }
            if c == 0x0A { break }
            if escapes, c == UInt8(ascii: "\\") {
                guard let e = byte(1) else { break }
                index += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "0"): out.append(0x00)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let code = UInt32(text(index, index + 4), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else {
                        return .error("invalid \\u escape in string literal: expected 4 hexadecimal digits")
                    }
                    index += 4
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    return .error(
                        "unknown escape sequence '\\\(Character(Unicode.Scalar(e)))' in string literal; use @'...' for a verbatim string"
                    )
                }
                continue
            }
            out.append(c)
            index += 1
        }
        index = max(index, start + 1)
        return .error(
            "unterminated string literal: expected a closing \(quote == UInt8(ascii: "'") ? "'" : "\"") on the same line"
        )
    }

    /// The seed document's raw strings: `r'''...'''`/`r"""..."""` (may span lines) or `r'...'` (no escapes).
    mutating func lexRaw() -> Token.Kind {
        let quote = bytes[index]
        if byte(1) == quote, byte(2) == quote {
            index += 3
            let contentStart = index
            while index < bytes.count {
                if bytes[index] == quote, byte(1) == quote, byte(2) == quote {
                    let value = text(contentStart, index)
                    index += 3
                    return .string(value, multiline: true)
                }
                index += 1
            }
            return .error(
                "unterminated raw string literal: expected a closing \(String(repeating: Character(Unicode.Scalar(quote)), count: 3))"
            )
        }
        index += 1
        let contentStart = index
        while let c = byte(), c != quote, c != 0x0A { index += 1 }
        guard byte() == quote else {
            return .error("unterminated raw string literal: expected a closing quote on the same line")
        }
        let value = text(contentStart, index)
        index += 1
        return .string(value, multiline: false)
    }

    /// Text between three backticks, taken verbatim (it may span lines).
    mutating func lexMultiline() -> Token.Kind {
        index += 3
        let contentStart = index
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "`"), byte(1) == UInt8(ascii: "`"), byte(2) == UInt8(ascii: "`") {
                let value = text(contentStart, index)
                index += 3
                return .string(value, multiline: true)
            }
            index += 1
        }
        return .error("unterminated multi-line string literal: expected a closing ```")
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66)
    }
}
