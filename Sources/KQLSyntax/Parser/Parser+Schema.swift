import Columnar

/// Types, column declarations and schemas: `long`, `(a:long, b:string)`, `(*)`, `typeof(*, a:long)`.
extension SyntaxParser {
    static let typeNames = ScalarType.allCases.map(\.rawValue).joined(separator: ", ")

    func parseType(after context: String) throws(KQLError) -> ScalarType {
        let t = current
        guard t.isIdentifier else { throw expected("a type name (\(SyntaxParser.typeNames))", after: context) }
        guard let type = ScalarType(kqlName: t.text) else {
            throw error("unknown type '\(t.text)'; expected one of \(SyntaxParser.typeNames)")
        }
        advance()
        return type
    }

    /// `typeof(long)` (one unnamed column whose name is empty) or `typeof(*, a:long)`.
    func parseTypeof() throws(KQLError) -> SchemaSyntax {
        let start = advance()
        let open = try expectPunct("(", after: "'typeof'")
        if current.isIdentifier, isPunct(")", 1) {
            let typeToken = current
            let type = try parseType(after: "'typeof('")
            advance()
            let column = ColumnDeclarationSyntax(name: NameSyntax("", span: typeToken.span), type: type)
            return SchemaSyntax(includesStar: false, columns: [column], span: span(from: start))
        }
        let schema = try parseSchemaItems(open: open, allowStar: true, context: "typeof")
        return SchemaSyntax(includesStar: schema.includesStar, columns: schema.columns, span: span(from: start))
    }

    /// `( item, ... )` where an item is `name:type` or (with `allowStar`) `*`. The `(` must be current.
    func parseSchema(allowStar: Bool, context: String) throws(KQLError) -> SchemaSyntax {
        let open = try expectPunct("(", after: context)
        return try parseSchemaItems(open: open, allowStar: allowStar, context: context)
    }

    /// The items after an already-consumed `(`, through the closing `)`.
    func parseSchemaItems(open: Token, allowStar: Bool, context: String) throws(KQLError) -> SchemaSyntax {
        var star = false
        var columns: [ColumnDeclarationSyntax] = []
        if !isPunct(")") {
            repeat {
                if isPunct("*") {
                    guard allowStar else { throw error("'*' is not allowed in the columns of \(context)") }
                    advance()
                    star = true
                    continue
                }
                let name = try parseName(after: "'(' or ','", what: "a column name")
                try expectPunct(":", after: "the column name '\(name.name)'")
                let type = try parseType(after: "'\(name.name):'")
                columns.append(ColumnDeclarationSyntax(name: name, type: type))
            } while eatPunct(",")
        }
        guard isPunct(")") else {
            throw expected("',' or ')'", after: "the columns of \(context) (opened at \(location(open)))")
        }
        advance()
        return SchemaSyntax(includesStar: star, columns: columns, span: span(from: open))
    }
}
