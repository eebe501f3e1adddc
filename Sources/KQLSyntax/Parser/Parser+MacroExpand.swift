import Columnar

/// `macro-expand` and the `entity_group [...]` it expands.
extension SyntaxParser {
    /// After `macro-expand`: `[kind=...] [isfuzzy=...] (entity_group [refs] | Group) as X (subquery)` or
    /// `X in Group (subquery)`.
    func parseMacroExpandBody() throws(KQLError) -> MacroExpandSyntax {
        let options = try parseOptions { $0 == "kind" || $0 == "isfuzzy" }
        let group: MacroExpandSyntax.Group
        let identifier: NameSyntax
        if options.isEmpty, nameLength() != nil, isWord("in", nameLength() ?? 1) {
            identifier = try parseName(after: "'macro-expand'", what: "an entity identifier")
            advance()  // `in`
            group = .named(try parseName(after: "'in'", what: "an entity group name"))
        } else {
            if isWord("entity_group"), isPunct("[", 1) {
                let start = advance()
                group = .inline(try parseEntityReferences(), span(from: start))
            } else {
                group = .named(
                    try parseName(after: "'macro-expand'", what: "an entity group: entity_group [...] or its name"))
            }
            try expectWord("as", after: "the entity group of 'macro-expand'")
            identifier = try parseName(after: "'as'", what: "an entity identifier")
        }
        let open = try expectPunct("(", after: "the entity identifier '\(identifier.name)'")
        var lets: [LetSyntax] = []
        let subquery = try nested { () throws(KQLError) -> ExpressionSyntax in
            while isWord("let"), nameLength(at: 1) != nil {
                lets.append(try parseLet())
                try expectPunct(";", after: "a 'let' of the macro-expand subquery")
            }
            guard canStartExpression else { throw expected("a query", after: "the '(' of 'macro-expand'") }
            return try parseTabular()
        }
        guard isPunct(")") else { throw expected("')'", after: "the subquery opened at \(location(open))") }
        advance()
        return MacroExpandSyntax(
            options: options, group: group, identifier: identifier, lets: lets, subquery: subquery)
    }

    /// `[ref, ...]` after `entity_group`: database references (`cluster("c").database("d")`, `database("d")`)
    /// or tables.
    func parseEntityReferences() throws(KQLError) -> [ExpressionSyntax] {
        let open = try expectPunct("[", after: "'entity_group'")
        var references: [ExpressionSyntax] = []
        repeat {
            guard canStartExpression else {
                throw expected("an entity (cluster(...).database(...), database(...) or a table)", after: "'[' or ','")
            }
            references.append(try parseExpression())
        } while eatPunct(",")
        guard isPunct("]") else { throw expected("',' or ']'", after: "the entities opened at \(location(open))") }
        advance()
        return references
    }
}
