import Columnar

extension SyntaxParser {
    /// `Expr as (key:type, ...) [with (name = value, ...)]`, after `parse-kv`.
    func parseParseKv(start: Token) throws(KQLError) -> ParseKvSyntax {
        let source = try parseExpression(expecting: "a string expression", after: "'parse-kv'")
        try expectWord("as", after: "the expression of 'parse-kv'")
        let keys = try parseSchema(allowStar: false, context: "the keys of 'parse-kv'")
        if keys.columns.isEmpty { throw error("parse-kv needs at least one key in 'as (...)'") }
        let properties = isWord("with") ? try parseWithProperties() : []
        return ParseKvSyntax(source: source, keys: keys.columns, properties: properties, span: span(from: start))
    }
}
