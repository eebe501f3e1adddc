import Columnar

/// Statements: `let`, `set`, `declare query_parameters`, `declare pattern`, `alias database`, queries and management
/// commands, separated by `;`.
extension SyntaxParser {
    func parseScript() throws(KQLError) -> [StatementSyntax] {
        var statements: [StatementSyntax] = []
        while true {
            while eatPunct(";") {}
            if current.isEnd { break }
            if case .error = current.kind { throw error("") }
            let statement = try parseStatement()
            statements.append(statement)
            if case .command(let c) = statement, case .ingestInline = c.kind { break }  // the data ran to the end
            if current.isEnd { break }
            if isPunct("=") {
                throw error(
                    "unexpected '=' after the statement; use '==' to compare values, or 'name = value' only where a column is defined"
                )
            }
            guard isPunct(";") else {
                throw error(
                    "unexpected \(current.display) after the statement; expected '|' before the next operator or ';' before the next statement"
                )
            }
        }
        return statements
    }

    func parseStatement() throws(KQLError) -> StatementSyntax {
        let t = current
        if t.isPunct("."), peek(1).isIdentifier, adjacent(1) { return .command(try parseCommand()) }
        if t.isIdentifier {
            switch t.text {
            case "let" where nameLength(at: 1) != nil:
                return .let(try parseLet())
            case "set" where peek(1).isIdentifier && !isPunct("|", 2) && !isPunct("(", 1):
                return try parseSet()
            case "declare" where isWord("query_parameters", 1):
                return try parseDeclare()
            case "declare" where isWord("pattern", 1) && nameLength(at: 2) != nil:
                return .pattern(try parsePatternDeclaration())
            case "alias" where isWord("database", 1) && nameLength(at: 2) != nil:
                return .aliasDatabase(try parseAliasDatabase())
            case "restrict" where isWord("access", 1):
                throw KQLError(.unsupported, "the `\(t.text)` statement is not supported yet", span: t.span)
            default: break
            }
        }
        guard canStartExpression else { throw expected("a query, 'let' or a command") }
        return .query(try parseTabular())
    }

    /// `let name = expression` or `let f = (params) { ... }`.
    func parseLet() throws(KQLError) -> LetSyntax {
        let start = advance()
        let name = try parseName(after: "'let'")
        try expectPunct("=", after: "'let \(name.name)'")
        if isWord("view"), isPunct("(", 1) { advance() }
        if startsFunctionDefinition {
            return LetSyntax(name: name, value: .function(try parseFunctionDefinition()), span: span(from: start))
        }
        guard canStartExpression else { throw expected("an expression", after: "'let \(name.name) ='") }
        let value = try parseTabular()
        return LetSyntax(name: name, value: .expression(value), span: span(from: start))
    }

    /// `(` then `)` `{`, or a name and `:` — a function's parameter list rather than a parenthesized expression.
    var startsFunctionDefinition: Bool {
        guard isPunct("(") else { return false }
        if isPunct(")", 1) { return isPunct("{", 2) }
        if let n = nameLength(at: 1) { return isPunct(":", 1 + n) }
        return false
    }

    /// `(params) { let ...; body }`; the `(` must be current. A body is one level deeper than its `let`.
    func parseFunctionDefinition() throws(KQLError) -> FunctionDefinitionSyntax {
        try nested { () throws(KQLError) in try parseFunctionDefinitionBody() }
    }

    private func parseFunctionDefinitionBody() throws(KQLError) -> FunctionDefinitionSyntax {
        let start = current
        let parameters = try parseParameters(context: "the function's parameters")
        let open = try expectPunct("{", after: "the function's parameters")
        var lets: [LetSyntax] = []
        var body: ExpressionSyntax?
        while !isPunct("}") {
            if eatPunct(";") { continue }
            if isWord("let"), nameLength(at: 1) != nil {
                lets.append(try parseLet())
            } else {
                guard body == nil else {
                    throw expected("'}'", after: "the function body's result (opened at \(location(open)))")
                }
                guard canStartExpression else {
                    throw expected("an expression or '}'", after: "the function body opened at \(location(open))")
                }
                body = try parseTabular()
            }
            guard isPunct(";") || isPunct("}") else {
                throw expected("';' or '}'", after: "a statement of the function body")
            }
        }
        let close = advance()
        guard let body else { throw error("the function body has no result expression", at: close) }
        return FunctionDefinitionSyntax(
            parameters: parameters, lets: lets, body: body, span: span(from: start), source: source)
    }

    /// `(name:type [= default], T:(*), ...)`.
    func parseParameters(context: String) throws(KQLError) -> [ParameterSyntax] {
        let open = try expectPunct("(", after: context)
        var parameters: [ParameterSyntax] = []
        if !isPunct(")") {
            repeat {
                let name = try parseName(after: parameters.isEmpty ? "'('" : "','", what: "a parameter name")
                try expectPunct(":", after: "the parameter name '\(name.name)'")
                let kind: ParameterSyntax.Kind
                if isPunct("(") {
                    kind = .tabular(try parseSchema(allowStar: true, context: "the parameter '\(name.name)'"))
                } else {
                    kind = .scalar(try parseType(after: "'\(name.name):'"))
                }
                var defaultValue: ExpressionSyntax?
                if eatPunct("=") { defaultValue = try parseExpression(expecting: "a default value", after: "'='") }
                parameters.append(ParameterSyntax(name: name, kind: kind, defaultValue: defaultValue))
            } while eatPunct(",")
        }
        guard isPunct(")") else { throw expected("',' or ')'", after: "the parameters opened at \(location(open))") }
        advance()
        return parameters
    }

    /// `set name [= value]`.
    func parseSet() throws(KQLError) -> StatementSyntax {
        let start = advance()
        guard let (text, length) = optionName() else { throw expected("an option name", after: "'set'") }
        let nameStart = current
        position += length
        let name = NameSyntax(text, span: span(from: nameStart))
        var value: ExpressionSyntax?
        if eatPunct("=") { value = try parseOptionValue(after: "'set \(text) ='") }
        return .set(name: name, value: value, span: span(from: start))
    }

    /// `declare query_parameters(name:type [= default], ...)`.
    func parseDeclare() throws(KQLError) -> StatementSyntax {
        let start = advance()
        advance()
        let parameters = try parseParameters(context: "'declare query_parameters'")
        return .declareQueryParameters(parameters, span: span(from: start))
    }
}
