import Columnar

/// Primary expressions: literals, names, calls, `(...)`, `*`.
extension SyntaxParser {
    /// True when the current token can begin an expression (so callers can say what they expected instead).
    var canStartExpression: Bool {
        switch current.kind {
        case .identifier, .long, .real, .timespan, .string, .typedLiteral: return true
        case .punct: return ["(", "[", "-", "+", "*"].contains(current.text)
        case .error, .endOfText: return false
        }
    }

    /// An expression, or "expected `what` after `context`" if none starts here.
    func parseExpression(expecting what: String, after context: String) throws(KQLError) -> ExpressionSyntax {
        guard canStartExpression else { throw expected(what, after: context) }
        return try parseExpression()
    }

    func parsePrimary() throws(KQLError) -> ExpressionSyntax {
        let t = current
        switch t.kind {
        case .long(let v): advance(); return .literal(.long(v), .long, t.span)
        case .real(let v): advance(); return .literal(.real(v), .real, t.span)
        case .timespan(let v): advance(); return .literal(.timespan(v), .timespan, t.span)
        case .string: return parseStringLiteral()
        case .typedLiteral(let type, let body):
            advance()
            return try typedLiteral(type: type, body: body, token: t)
        case .identifier:
            if (t.text == "true" || t.text == "false" || t.text == "True" || t.text == "False" || t.text == "TRUE"
                || t.text == "FALSE"),
                !isPunct("(", 1)
            {
                advance()
                return .literal(.bool(t.text.lowercased() == "true"), .bool, t.span)
            }
            if t.text == "dynamic", isPunct("(", 1) { return try parseDynamicLiteral() }
            if t.text == "typeof", isPunct("(", 1) { return .schema(try parseTypeof()) }
            if t.text == "entity_group", isPunct("[", 1) {
                // `let G = entity_group [...]`: kept as a call of that name for the binder to record.
                advance()
                let references = try parseEntityReferences()
                return .call(
                    name: NameSyntax(t.text, span: t.span), arguments: references.map { ArgumentSyntax(value: $0) },
                    span: span(from: t))
            }
            if isPunct("(", 1) { return try parseCall() }
            if let caseSensitive = searchCaseSensitive, isPunct(":", 1), peek(2).isString {
                return parseColumnTerm(caseSensitive)
            }
            advance()
            return .name(NameSyntax(t.text, span: t.span))
        case .punct:
            switch t.text {
            case "(":
                advance()
                guard canStartExpression else { throw expected("an expression", after: "'('") }
                let inner = try parseTabular()
                guard isPunct(")") else { throw expected("')'", after: "the expression opened at \(location(t))") }
                return .parenthesized(inner, SourceSpan(t.span.start, advance().span.end))
            case "[" where peek(1).isString:
                return .name(try parseName(after: "'['"))
            case "*":
                advance()
                return .star(t.span)
            default: break
            }
        default: break
        }
        throw expected("an expression")
    }

    /// Adjacent string literals are one string (`'a' "b"` is `"ab"`).
    func parseStringLiteral() -> ExpressionSyntax {
        let first = current
        var value = ""
        var end = first.span.end
        while case .string(let s, _) = current.kind {
            value += s
            end = advance().span.end
        }
        return .literal(.string(value), .string, SourceSpan(first.span.start, end))
    }

    /// `f(args)`; arguments may be named (`script = '...'`) and may be tabular (`materialize(T | take 5)`).
    func parseCall() throws(KQLError) -> ExpressionSyntax {
        let nameToken = advance()
        let name = NameSyntax(nameToken.text, span: nameToken.span)
        let args = try parseArguments(of: "'\(nameToken.text)'")
        return .call(name: name, arguments: args, span: span(from: nameToken))
    }

    func parseArguments(of what: String) throws(KQLError) -> [ArgumentSyntax] {
        let open = try expectPunct("(", after: what)
        var args: [ArgumentSyntax] = []
        if !isPunct(")") {
            repeat {
                var argName: NameSyntax?
                if current.isIdentifier, isPunct("=", 1) {
                    let n = advance()
                    advance()
                    argName = NameSyntax(n.text, span: n.span)
                }
                guard canStartExpression else {
                    throw expected("an argument", after: argName == nil ? "'(' or ','" : "'='")
                }
                args.append(ArgumentSyntax(name: argName, value: try parseTabular()))
            } while eatPunct(",")
        }
        guard isPunct(")") else {
            throw expected("',' or ')'", after: "the arguments of \(what) (opened at \(location(open)))")
        }
        advance()
        return args
    }

    /// A column, table or parameter name: an identifier (keywords allowed), `['bracketed name']` or `$left`.
    func parseName(after context: String, what: String = "a name") throws(KQLError) -> NameSyntax {
        let t = current
        if t.isIdentifier {
            advance()
            return NameSyntax(t.text, span: t.span)
        }
        if t.isPunct("["), case .string(let s, _) = peek(1).kind {
            advance(); advance()
            guard isPunct("]") else { throw expected("']'", after: "the bracketed name") }
            let close = advance()
            return NameSyntax(s, span: SourceSpan(t.span.start, close.span.end))
        }
        throw expected(what, after: context)
    }

    /// True when a name (plain or bracketed) starts at `offset`; returns the number of tokens it takes.
    func nameLength(at offset: Int = 0) -> Int? {
        if peek(offset).isIdentifier { return 1 }
        if peek(offset).isPunct("["), peek(offset + 1).isString, peek(offset + 2).isPunct("]") { return 3 }
        return nil
    }
}
