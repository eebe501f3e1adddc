import Columnar

/// `declare pattern` and `alias database` statements.
extension SyntaxParser {
    /// `declare pattern Name;` or `declare pattern Name = (a:string, ...) [[p:string]] { (v, ...).[pv] = { q }; ... }`.
    func parsePatternDeclaration() throws(KQLError) -> PatternSyntax {
        let start = advance()
        advance()  // `pattern`
        let name = try parseName(after: "'declare pattern'", what: "a pattern name")
        guard eatPunct("=") else {
            return PatternSyntax(
                name: name, parameters: [], pathParameter: nil, definitions: [], isDefined: false,
                span: span(from: start))
        }
        let context = "the pattern '\(name.name)'"
        let parameters = try parseParameters(context: context).map { p throws(KQLError) -> NameSyntax in
            guard case .scalar(.string) = p.kind, p.defaultValue == nil else {
                throw KQLError(
                    .type, "pattern argument '\(p.name.name)' must be declared as `\(p.name.name):string`",
                    span: p.name.span, hint: "a pattern maps strings to queries; its arguments are strings")
            }
            return p.name
        }
        guard !parameters.isEmpty else {
            throw KQLError(.argument, "\(context) needs at least one argument", span: name.span)
        }
        var pathParameter: NameSyntax?
        if eatPunct("[") {
            let path = try parseName(after: "'['", what: "a path argument name")
            try expectPunct(":", after: "the path argument '\(path.name)'")
            let typeToken = current
            guard try parseType(after: "'\(path.name):'") == .string else {
                throw KQLError(
                    .type, "the path argument '\(path.name)' must be declared as `\(path.name):string`",
                    span: typeToken.span)
            }
            try expectPunct("]", after: "the path argument '\(path.name)'")
            pathParameter = path
        }
        let open = try expectPunct("{", after: "the arguments of \(context)")
        var definitions: [PatternSyntax.Definition] = []
        while !isPunct("}") {
            if eatPunct(";") { continue }
            guard isPunct("(") else {
                throw expected("'(' or '}'", after: "\(context)'s mapping opened at \(location(open))")
            }
            definitions.append(try parsePatternDefinition(arity: parameters.count, hasPath: pathParameter != nil))
            guard isPunct(";") || isPunct("}") else { throw expected("';' or '}'", after: "a mapping of \(context)") }
        }
        advance()
        return PatternSyntax(
            name: name, parameters: parameters, pathParameter: pathParameter, definitions: definitions,
            isDefined: true, span: span(from: start))
    }

    /// `("v1", "v2").["path"] = { query }`.
    private func parsePatternDefinition(arity: Int, hasPath: Bool) throws(KQLError) -> PatternSyntax.Definition {
        let start = advance()  // `(`
        var arguments: [String] = []
        repeat {
            guard case .string(let s, _) = current.kind else {
                throw expected("a string value", after: arguments.isEmpty ? "'('" : "','")
            }
            advance()
            arguments.append(s)
        } while eatPunct(",")
        try expectPunct(")", after: "the pattern's argument values")
        guard arguments.count == arity else {
            throw KQLError(
                .argument, "the pattern takes \(arity) argument(s); this mapping gives \(arguments.count)",
                span: span(from: start))
        }
        var path: String?
        if eatPunct(".") {
            path = try parseName(after: "'.'", what: "a path value: [\"value\"] or a name").name
        }
        guard (path != nil) == hasPath else {
            throw KQLError(
                .argument,
                hasPath
                    ? "the pattern has a path argument; give each mapping a path value: (...).[\"value\"]"
                    : "the pattern has no path argument; a mapping cannot give a path value",
                span: span(from: start))
        }
        try expectPunct("=", after: "the pattern's argument values")
        let open = try expectPunct("{", after: "'='")
        guard canStartExpression else { throw expected("a query", after: "'{'") }
        let body = try nested { () throws(KQLError) in try parseTabular() }
        guard isPunct("}") else { throw expected("'}'", after: "the query opened at \(location(open))") }
        advance()
        return PatternSyntax.Definition(arguments: arguments, path: path, body: body, span: span(from: start))
    }

    /// `alias database Name = cluster("uri").database("db")` (or `database("db")`).
    func parseAliasDatabase() throws(KQLError) -> AliasDatabaseSyntax {
        let start = advance()
        advance()  // `database`
        let name = try parseName(after: "'alias database'", what: "an alias name")
        try expectPunct("=", after: "'alias database \(name.name)'")
        let target = try parseExpression(expecting: "cluster(\"uri\").database(\"name\")", after: "'='")
        return AliasDatabaseSyntax(name: name, target: target, span: span(from: start))
    }
}
