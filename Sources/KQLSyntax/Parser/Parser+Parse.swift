import Columnar

/// The `parse` / `parse-where` operators' pattern language.
extension SyntaxParser {
    /// `[kind=k] [flags=f] expr with [*] "text" name[:type] [*] ...`, after the keyword.
    func parseParseBody(keepsOnlyMatches: Bool) throws(KQLError) -> ParseSyntax {
        let keyword = keepsOnlyMatches ? "'parse-where'" : "'parse'"
        let options = try parseOptions { $0 == "kind" || $0 == "flags" }
        let source = try parseExpression(expecting: "the string to parse", after: keyword)
        try expectWord("with", after: "the expression of \(keyword)")
        var items: [ParseSyntax.Item] = []
        while true {
            if isPunct("*") {
                items.append(.wildcard(advance().span))
            } else if case .string(let text, _) = current.kind {
                items.append(.text(text, advance().span))
            } else if nameLength() != nil, !isPunct("|") {
                let name = try parseName(after: "'with'", what: "a column name")
                var type: ScalarType?
                if eatPunct(":") { type = try parseType(after: "'\(name.name):'") }
                items.append(.column(name, type))
            } else if isPunct(","), !items.isEmpty {
                advance()
                continue
            } else {
                break
            }
        }
        guard items.contains(where: { if case .column = $0 { return true } else { return false } }) else {
            throw expected("a pattern of string constants and column names", after: "'with'")
        }
        return ParseSyntax(options: options, source: source, items: items, keepsOnlyMatches: keepsOnlyMatches)
    }
}
