/// Splits query text into tokens; spans are UTF-8 byte offsets.
struct Lexer {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Type words that, followed by `(`, form a literal whose body is raw text (`datetime(2024-01-01 10:00)`).
    static let rawLiteralTypes: Set<String> = [
        "datetime", "date", "time", "timespan", "guid", "uniqueid", "bool", "boolean",
        "int", "int32", "long", "int64", "real", "double", "decimal",
    ]

    /// Longest first, so `<=` wins over `<`.
    static let punctuation: [String] = [
        "<|", "==", "!=", "<>", "<=", ">=", "=~", "!~", "=>", "..",
        "|", "(", ")", "[", "]", "{", "}", ",", ";", ":", "=", "<", ">", "+", "-", "*", "/", "%", ".", "!", "~", "?",
    ].sorted { $0.utf8.count > $1.utf8.count }

    /// Every token of the text, ending with `.endOfText` (or with the first `.error` followed by `.endOfText`).
    static func tokenize(_ text: String) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let t = lexer.next()
            tokens.append(t)
            if t.isEnd { break }
            if case .error = t.kind {
                // Keep going: text after an error may be raw `.ingest` data the parser never reads as tokens.
                continue
            }
        }
        return tokens
    }

    func byte(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// Skips whitespace and `//` comments; returns whether anything was skipped.
    mutating func skipTrivia() -> Bool {
        let start = index
        while let b = byte() {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                index += 1
            } else if b >= 0xC2, let n = unicodeSpaceLength() {
                index += n
            } else if b == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "/") {
                while let c = byte(), c != 0x0A { index += 1 }
            } else {
                break
            }
        }
        return index > start
    }

    mutating func next() -> Token {
        let space = skipTrivia() || index == 0
        let start = index
        func make(_ kind: Token.Kind) -> Token {
            Token(kind: kind, text: text(start, index), span: SourceSpan(start, index), spaceBefore: space)
        }
        guard let b = byte() else { return make(.endOfText) }

        if b == UInt8(ascii: "`"), byte(1) == UInt8(ascii: "`"), byte(2) == UInt8(ascii: "`") {
            return make(lexMultiline())
        }
        if let kind = lexPrefixedString() { return make(kind) }
        if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") { return make(lexQuoted(escapes: true)) }
        if Lexer.isDigit(b) { return make(lexNumber()) }
        if b == UInt8(ascii: "$"), let c = byte(1), Lexer.isIdentifierStart(c) {
            index += 1
            lexWord()
            return make(.identifier)
        }
        if Lexer.isIdentifierStart(b) || (b >= 0x80 && nonASCIILetterLength() != nil) {
            lexWord()
            let word = text(start, index)
            if Lexer.rawLiteralTypes.contains(word) || Lexer.rawLiteralTypes.contains(word.lowercased()),
                let kind = lexRawLiteralBody(type: word)
            {
                return make(kind)
            }
            return make(.identifier)
        }
        for p in Lexer.punctuation where matches(p) {
            index += p.utf8.count
            return make(.punct)
        }
        index += Lexer.scalarLength(b)
        return make(.error("unexpected character '\(text(start, index))'"))
    }

    func matches(_ s: String) -> Bool {
        var i = index
        for c in s.utf8 {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
        }
        return true
    }

    mutating func lexWord() {
        while let c = byte() {
            if Lexer.isIdentifierPart(c) {
                index += 1
            } else if c >= 0x80, let n = nonASCIILetterLength() {
                index += n
            } else {
                break
            }
        }
    }

    /// If `type` is followed by `(`, reads up to the matching `)` as the literal's raw body.
    mutating func lexRawLiteralBody(type: String) -> Token.Kind? {
        var i = index
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "(") else { return nil }
        let bodyStart = i + 1
        var j = bodyStart
        while j < bytes.count, bytes[j] != UInt8(ascii: ")"), bytes[j] != 0x0A { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ")") else {
            index = j
            return .error("unterminated \(type)(...) literal: expected ')'")
        }
        index = j + 1
        return .typedLiteral(type: type, body: text(bodyStart, j))
    }

    /// The non-ASCII characters Kusto's lexer skips as whitespace (Kusto.Language's `TextFacts.IsWhitespace`):
    /// no-break, ogham, Mongolian vowel separator, U+2000–U+200B (en quad to zero-width space), narrow no-break,
    /// medium mathematical and ideographic spaces, and the byte order mark. Queries pasted from web pages and
    /// Word documents carry them, and ADX reads them as blanks.
    static let unicodeSpaces: Set<Unicode.Scalar> = Set(
        [0x00A0, 0x1680, 0x180E, 0x202F, 0x205F, 0x3000, 0xFEFF].compactMap(Unicode.Scalar.init)
            + (0x2000...0x200B).compactMap(Unicode.Scalar.init))

    /// Byte length of one of ``unicodeSpaces`` at `index`, or nil if the character there is not one.
    func unicodeSpaceLength() -> Int? {
        guard let b = byte() else { return nil }
        let n = Lexer.scalarLength(b)
        guard n > 1, index + n <= bytes.count,
            let scalar = String(decoding: bytes[index..<(index + n)], as: UTF8.self).unicodeScalars.first,
            Lexer.unicodeSpaces.contains(scalar)
        else { return nil }
        return n
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isIdentifierStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") }
    static func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

    /// Byte length of a non-ASCII letter at `index`, or nil if the character there is not a letter.
    func nonASCIILetterLength() -> Int? {
        guard let b = byte() else { return nil }
        let n = Lexer.scalarLength(b)
        guard index + n <= bytes.count,
            let ch = String(decoding: bytes[index..<(index + n)], as: UTF8.self).first, ch.isLetter
        else { return nil }
        return n
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }
}
