import Columnar
import Foundation

/// Tabular expressions: a source (a name, `datatable`, `range`, `print`, `union`, `evaluate`, `(...)`, a call)
/// followed by `| operator` steps.
extension SyntaxParser {
    /// A scalar or tabular expression, one level deeper; a `|` after it makes it a pipeline.
    func parseTabular() throws(KQLError) -> ExpressionSyntax {
        try nested { () throws(KQLError) -> ExpressionSyntax in
            let start = current
            let source: ExpressionSyntax
            if let s = try parseSourceIfPresent() { source = .source(s) } else { source = try parseOr() }
            guard isPunct("|") else { return source }
            var operators: [OperatorSyntax] = []
            while isPunct("|") {
                advance()
                operators.append(try parseOperator())
            }
            return .pipeline(source: source, operators: operators, span: span(from: start))
        }
    }

    /// Sources that begin with a keyword; nil when the current token does not start one.
    func parseSourceIfPresent() throws(KQLError) -> SourceSyntax? {
        let t = current
        guard t.isIdentifier else { return nil }
        let next = peek(1)
        switch t.text {
        case "datatable" where next.isPunct("("):
            advance()
            return try parseDatatable(start: t)
        case "range" where next.isIdentifier:
            advance()
            return try parseRange(start: t)
        case "print" where !next.isPunct("|") && !next.isPunct(")") && !next.isPunct(",") && !next.isPunct("="):
            advance()
            guard canStartExpression else { throw expected("an expression", after: "'print'") }
            let items = try parseAssignments(after: "'print'")
            return SourceSyntax(kind: .print(items), span: span(from: t))
        case "union" where next.isIdentifier || next.isPunct("(") || next.isPunct("*"):
            advance()
            return SourceSyntax(kind: .union(try parseUnionBody()), span: span(from: t))
        case "evaluate" where next.isIdentifier:
            advance()
            return SourceSyntax(kind: .evaluate(try parseEvaluateBody()), span: span(from: t))
        case "python" where next.isPunct("("):
            // The seed document's `[T |] python(...)`: without an input table the script starts from an empty `df`.
            return SourceSyntax(kind: .evaluate(try parseInlinePython()), span: span(from: t))
        case "find" where next.isIdentifier || next.isString || next.isPunct("(") || next.isPunct("["):
            advance()
            return SourceSyntax(kind: .find(try parseFindBody()), span: span(from: t))
        case "search"
        where next.isIdentifier || next.isString || next.isPunct("*") || next.isPunct("(") || next.isPunct("["):
            advance()
            return SourceSyntax(kind: .search(try parseSearchBody(hasInput: false)), span: span(from: t))
        case "externaldata" where next.isPunct("("), "external_data" where next.isPunct("("):
            advance()
            return SourceSyntax(kind: .externalData(try parseExternalDataBody()), span: span(from: t))
        case "macro" where next.isPunct("-") && adjacent(1) && isWord("expand", 2) && adjacent(2):
            position += 3
            return SourceSyntax(kind: .macroExpand(try parseMacroExpandBody()), span: span(from: t))
        default:
            return nil
        }
    }

    /// `datatable (a:long, b:string) [1, "x", 2, "y"]`, after the keyword.
    func parseDatatable(start: Token) throws(KQLError) -> SourceSyntax {
        let schema = try parseSchema(allowStar: false, context: "datatable")
        let open = try expectPunct("[", after: "the columns of datatable")
        var values: [ExpressionSyntax] = []
        while !isPunct("]") {
            guard canStartExpression else {
                throw expected("a value or ']'", after: "the datatable rows opened at \(location(open))")
            }
            values.append(try parseExpression())
            if !eatPunct(",") { break }
        }
        guard isPunct("]") else { throw expected("',' or ']'", after: "a datatable value") }
        advance()
        return SourceSyntax(kind: .datatable(columns: schema.columns, values: values), span: span(from: start))
    }

    /// `range x from a to b step s`, after the keyword.
    func parseRange(start: Token) throws(KQLError) -> SourceSyntax {
        let column = try parseName(after: "'range'", what: "a column name")
        try expectWord("from", after: "'range \(column.name)'")
        let from = try parseExpression(expecting: "the start value", after: "'from'")
        try expectWord("to", after: "the start value of 'range'")
        let to = try parseExpression(expecting: "the end value", after: "'to'")
        try expectWord("step", after: "the end value of 'range'")
        let step = try parseExpression(expecting: "the step value", after: "'step'")
        return SourceSyntax(kind: .range(column: column, from: from, to: to, step: step), span: span(from: start))
    }

    /// `[options] table, (query), T*` of `union`.
    func parseUnionBody() throws(KQLError) -> UnionSyntax {
        let options = try parseOptions { ["kind", "withsource", "isfuzzy"].contains($0) || $0.hasPrefix("hint.") }
        var tables: [ExpressionSyntax] = []
        repeat {
            if isPunct("(") {
                tables.append(try parsePrimary())
            } else if let pattern = parseNamePattern() {
                if isPunct("("), !pattern.pattern.contains("*") {
                    position -= 1
                    // A call may start a chain: `database("d").T`, `cluster("c").database("d").T`, `P("a").x`.
                    tables.append(try parsePostfix())
                } else {
                    tables.append(.name(NameSyntax(pattern.pattern, span: pattern.span)))
                }
            } else {
                throw expected("a table name or '(' query ')'", after: tables.isEmpty ? "'union'" : "','")
            }
        } while eatPunct(",")
        return UnionSyntax(options: options, tables: tables)
    }

    /// `[hint.x=...] plugin(args)` of `evaluate`.
    func parseEvaluateBody() throws(KQLError) -> EvaluateSyntax {
        let options = try parseOptions { $0.hasPrefix("hint.") }
        let plugin = try parseName(after: "'evaluate'", what: "a plugin name")
        guard isPunct("(") else { throw expected("'('", after: "the plugin name '\(plugin.name)'") }
        let args = try parseArguments(of: "'\(plugin.name)'")
        var schema: SchemaSyntax?
        if eatPunct(":") { schema = try parseSchema(allowStar: true, context: "the output schema of '\(plugin.name)'") }
        return EvaluateSyntax(options: options, plugin: plugin, arguments: args, outputSchema: schema)
    }

    /// The seed document's `| python(...)` form, optionally followed by the script between lines of three backticks.
    func parseInlinePython() throws(KQLError) -> EvaluateSyntax {
        let nameToken = advance()
        let plugin = NameSyntax(nameToken.text, span: nameToken.span)
        let args = try parseArguments(of: "'python'")
        var code: ExpressionSyntax?
        if case .string(let text, multiline: true) = current.kind {
            let t = advance()
            code = .literal(.string(SyntaxParser.stripFenceTag(text)), .string, t.span)
        }
        return EvaluateSyntax(options: [], plugin: plugin, arguments: args, inlineForm: true, inlineCode: code)
    }

    /// Drops the first line of fenced code when it is empty or a language tag (```` ```python ````).
    static func stripFenceTag(_ text: String) -> String {
        guard let newline = text.firstIndex(of: "\n") else { return text }
        let first = text[..<newline].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "+" }) else {
            return text
        }
        return String(text[text.index(after: newline)...])
    }
}
