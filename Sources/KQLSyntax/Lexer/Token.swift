/// One lexical token of a query text.
///
/// The lexer never throws: a malformed piece of text becomes an `.error` token, and the parser reports it
/// only if it actually reads that far. This lets `.ingest inline ... <| data` carry arbitrary text after `<|`.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// A word: an identifier, a keyword used in context, or `$left`/`$right`.
        case identifier
        case long(Int64)
        case real(Double)
        /// A timespan written with a unit suffix (`1d`, `1.5s`, `10microsecond`), in nanoseconds.
        case timespan(Int64)
        /// A string literal's decoded value; `multiline` for text between three backticks.
        case string(String, multiline: Bool)
        /// `datetime(...)`, `time(...)`, `guid(...)`, `long(...)` and the like: the type word and the raw text between the parentheses.
        case typedLiteral(type: String, body: String)
        /// Punctuation such as `|`, `==`, `<|`, `..`; the symbol is the token's text.
        case punct
        /// Text the lexer could not read, with the reason.
        case error(String)
        case endOfText
    }

    var kind: Kind
    /// The token's text as written (for punctuation and identifiers, the symbol or the word).
    var text: String
    var span: SourceSpan
    /// True when whitespace or a comment separates this token from the previous one.
    var spaceBefore: Bool

    var isIdentifier: Bool { kind == .identifier }
    var isEnd: Bool { kind == .endOfText }

    func isPunct(_ symbol: String) -> Bool { kind == .punct && text == symbol }
    func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

    var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// How the token is quoted in error messages.
    var display: String {
        switch kind {
        case .endOfText: return "end of query"
        case .string: return "string literal"
        case .error: return "invalid text"
        default:
            let t = text.count > 30 ? String(text.prefix(30)) + "..." : text
            return "'\(t)'"
        }
    }
}
