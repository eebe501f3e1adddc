import Columnar

extension RowFunction {
    /// `regex_quote(s)`: `s` with regular-expression metacharacters escaped.
    static let regexQuote = RowFunction(name: "regex_quote", arity: 1...1, kinds: [.string], out: .string, strict: true) { r in
        .string(RegexDialect.quote(r[0].text))
    }
}
