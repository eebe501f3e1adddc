import Columnar

extension SyntaxParser {
    /// `(schema) [uris] [with (...)]` after `externaldata`.
    func parseExternalDataBody() throws(KQLError) -> ExternalDataSyntax {
        let schema = try parseSchema(allowStar: false, context: "externaldata")
        let open = try expectPunct("[", after: "the columns of externaldata")
        var uris: [ExpressionSyntax] = []
        while !isPunct("]") {
            guard canStartExpression else {
                throw expected("a storage connection string or ']'", after: "the list opened at \(location(open))")
            }
            uris.append(try parseExpression())
            if !eatPunct(",") { break }
        }
        guard isPunct("]") else { throw expected("',' or ']'", after: "a storage connection string") }
        advance()
        let properties = isWord("with") && isPunct("(", 1) ? try parseWithProperties() : []
        return ExternalDataSyntax(columns: schema.columns, uris: uris, properties: properties)
    }
}
