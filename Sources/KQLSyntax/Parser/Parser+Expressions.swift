import Columnar

/// Scalar expressions, lowest precedence first: `or`, `and`, comparisons and string operators, `+ -`, `* / %`,
/// unary `-`, then postfix `.member`, `[index]` and calls.
///
/// Operands of one precedence level are collected in a loop into one `.chain` (or `.binary` for two), so a
/// long chain costs neither recursion nor depth; only `nested` adds a level.
extension SyntaxParser {
    func parseExpression() throws(KQLError) -> ExpressionSyntax { try nested { () throws(KQLError) in try parseOr() } }

    func parseOr() throws(KQLError) -> ExpressionSyntax {
        let first = try parseAnd()
        var links: [ChainLinkSyntax] = []
        while isWord("or") {
            advance()
            links.append(ChainLinkSyntax(op: .or, operand: try parseAnd()))
        }
        return SyntaxParser.chain(first, links)
    }

    func parseAnd() throws(KQLError) -> ExpressionSyntax {
        let first = try parseComparison()
        var links: [ChainLinkSyntax] = []
        while isWord("and") {
            advance()
            links.append(ChainLinkSyntax(op: .and, operand: try parseComparison()))
        }
        return SyntaxParser.chain(first, links)
    }

    /// `first` followed by `links`: `first` alone, a `.binary` for one link, a `.chain` for more.
    static func chain(_ first: ExpressionSyntax, _ links: [ChainLinkSyntax]) -> ExpressionSyntax {
        guard let last = links.last else { return first }
        let span = first.span.union(last.operand.span)
        if links.count == 1 { return .binary(op: last.op, left: first, right: last.operand, span: span) }
        return .chain(first: first, links: links, span: span)
    }

    /// Comparisons; an `in` or `between` test takes everything before it as its left side, so a run of
    /// them stacks up (measured, see `grew`).
    func parseComparison() throws(KQLError) -> ExpressionSyntax {
        var (first, height) = try measured { () throws(KQLError) in try parseAdditive() }
        var links: [ChainLinkSyntax] = []
        while let op = try comparisonOperator() {
            switch op {
            case .binary(let b):
                let (operand, h) = try measured { () throws(KQLError) in try parseAdditive() }
                links.append(ChainLinkSyntax(op: b, operand: operand))
                height = max(height, h)
            case .set(let s):
                let left = SyntaxParser.chain(first, links)
                let ((items, end), h) = try measured { () throws(KQLError) in try parseSetOperand(s.rawValue) }
                first = .setMembership(op: s, left: left, right: items, span: SourceSpan(left.span.start, end))
                height = max(height + (links.isEmpty ? 0 : 1), h) + 1
                links = []
                try grew(to: height)
            case .between(let negated):
                let left = SyntaxParser.chain(first, links)
                let open = try expectPunct("(", after: negated ? "'!between'" : "'between'")
                let ((low, high), h) = try measured { () throws(KQLError) -> (ExpressionSyntax, ExpressionSyntax) in
                    let low = try parseAdditive()
                    try expectPunct("..", after: "the lower bound of 'between'")
                    return (low, try parseAdditive())
                }
                guard isPunct(")") else {
                    throw expected("')'", after: "the range of 'between' (opened at \(location(open)))")
                }
                let close = advance()
                first = .between(
                    value: left, low: low, high: high, negated: negated,
                    span: SourceSpan(left.span.start, close.span.end))
                height = max(height + (links.isEmpty ? 0 : 1), h) + 1
                links = []
                try grew(to: height)
            }
        }
        return SyntaxParser.chain(first, links)
    }

    enum ComparisonOperator { case binary(BinaryOperator), set(SetOperator), between(negated: Bool) }

    static let wordOperators: [String: ComparisonOperator] = {
        var map: [String: ComparisonOperator] = [:]
        for op in BinaryOperator.allCases
        where op.rawValue.first?.isLetter == true && !op.rawValue.contains(" ") && op != .and && op != .or {
            map[op.rawValue] = .binary(op)
        }
        map["in"] = .set(.in); map["has_any"] = .set(.hasAny); map["has_all"] = .set(.hasAll)
        map["between"] = .between(negated: false)
        return map
    }()

    /// Consumes a comparison-level operator if one is next.
    func comparisonOperator() throws(KQLError) -> ComparisonOperator? {
        let t = current
        if t.kind == .punct {
            switch t.text {
            case "==": advance(); return .binary(.equal)
            case "!=", "<>": advance(); return .binary(.notEqual)
            case "<": advance(); return .binary(.less)
            case "<=": advance(); return .binary(.lessOrEqual)
            case ">": advance(); return .binary(.greater)
            case ">=": advance(); return .binary(.greaterOrEqual)
            case "=~": advance(); return .binary(.equalCaseInsensitive)
            case "!~": advance(); return .binary(.notEqualCaseInsensitive)
            case "!":
                let word = peek(1)
                guard word.isIdentifier, adjacent(1) else { return nil }
                if word.text == "in" {
                    advance(); advance()
                    if isPunct("~"), adjacent(0) { advance(); return .set(.notInCaseInsensitive) }
                    return .set(.notIn)
                }
                if word.text == "between" { advance(); advance(); return .between(negated: true) }
                if let op = BinaryOperator(rawValue: "!" + word.text) {
                    if op == .notLike {
                        throw error("'!like' is not a KQL operator; use '!contains' or '!has'", at: word)
                    }
                    advance(); advance()
                    return .binary(op)
                }
                throw error("unknown operator '!\(word.text)'", at: word)
            default: return nil
            }
        }
        guard t.isIdentifier else { return nil }
        if t.text == "matches", isWord("regex", 1) { advance(); advance(); return .binary(.matchesRegex) }
        if t.text == "like" { throw error("'like' is not a KQL operator; use 'contains', 'has' or 'matches regex'") }
        if t.text == "in", isPunct("~", 1), adjacent(1) { advance(); advance(); return .set(.inCaseInsensitive) }
        guard let op = SyntaxParser.wordOperators[t.text] else { return nil }
        advance()
        return op
    }

    /// The right side of `in`/`has_any`/...: `(a, b, ...)` whose items may be tabular, or a single expression.
    func parseSetOperand(_ opName: String) throws(KQLError) -> ([ExpressionSyntax], Int) {
        guard isPunct("(") else {
            let e = try parseAdditive()
            return ([e], e.span.end)
        }
        let open = advance()
        var items: [ExpressionSyntax] = []
        if !isPunct(")") {
            repeat { items.append(try parseTabular()) } while eatPunct(",")
        }
        guard isPunct(")") else {
            throw expected("',' or ')'", after: "the list of '\(opName)' (opened at \(location(open)))")
        }
        return (items, advance().span.end)
    }

    func parseAdditive() throws(KQLError) -> ExpressionSyntax {
        let first = try parseMultiplicative()
        var links: [ChainLinkSyntax] = []
        while current.kind == .punct, let op = ["+": BinaryOperator.add, "-": .subtract][current.text] {
            advance()
            links.append(ChainLinkSyntax(op: op, operand: try parseMultiplicative()))
        }
        return SyntaxParser.chain(first, links)
    }

    func parseMultiplicative() throws(KQLError) -> ExpressionSyntax {
        let first = try parseUnary()
        var links: [ChainLinkSyntax] = []
        while current.kind == .punct, let op = ["*": BinaryOperator.multiply, "/": .divide, "%": .modulo][current.text]
        {
            advance()
            links.append(ChainLinkSyntax(op: op, operand: try parseUnary()))
        }
        return SyntaxParser.chain(first, links)
    }

    func parseUnary() throws(KQLError) -> ExpressionSyntax {
        if isPunct("-") || isPunct("+") {
            let t = advance()
            let operand = try nested { () throws(KQLError) in try parseUnary() }
            return .unary(op: t.text == "-" ? .negate : .plus, operand: operand, span: t.span.union(operand.span))
        }
        return try parsePostfix()
    }

    /// A primary expression and the `.member` / `[index]` steps after it; each step stacks one node onto the
    /// tree (measured, see `grew`).
    func parsePostfix() throws(KQLError) -> ExpressionSyntax {
        var (e, height) = try measured { () throws(KQLError) in try parsePrimary() }
        while true {
            if isPunct("."), isPunct("[", 1), !(peek(2).isString && isPunct("]", 3)) {
                advance()  // `d.[0]`, `d.[i + 1]`: a dot before an index changes nothing
                continue
            }
            if isPunct("."), peek(1).isIdentifier, isPunct("(", 2), let chained = try parseChainedCall(after: e) {
                e = chained
                height += 1
            } else if isPunct("."), peek(1).isIdentifier || isPunct("[", 1) {
                advance()
                let name = try parseName(after: "'.'")
                e = .member(base: e, name: name, span: e.span.union(name.span))
                height += 1
            } else if isPunct("[") {
                let open = advance()
                let (index, h) = try measured { () throws(KQLError) in try parseExpression() }
                guard isPunct("]") else { throw expected("']'", after: "the index opened at \(location(open))") }
                let close = advance()
                e = .index(base: e, index: index, span: SourceSpan(e.span.start, close.span.end))
                height = max(height, h) + 1
            } else {
                return e
            }
            try grew(to: height)
        }
    }

    /// `.database("d")` after `cluster("c")`, or `.F(args)` after `database("d")`, as one call that keeps the
    /// qualifying call as a named argument (``ReferenceArgument``); nil, consuming nothing, after anything else.
    private func parseChainedCall(after base: ExpressionSyntax) throws(KQLError) -> ExpressionSyntax? {
        guard case .call(let qualifier, _, _) = base else { return nil }
        let role: String
        switch qualifier.name {
        case "cluster" where peek(1).text == "database": role = ReferenceArgument.cluster
        case "database": role = ReferenceArgument.database
        default: return nil
        }
        advance()  // `.`
        guard case .call(let name, var arguments, let span) = try parseCall() else { return nil }
        arguments.append(ArgumentSyntax(name: NameSyntax(role, span: base.span), value: base))
        return .call(name: name, arguments: arguments, span: base.span.union(span))
    }

    /// `line:column` of a token, for messages that point back at an opening bracket.
    func location(_ t: Token) -> String {
        let (l, c) = source.location(of: t.span.start)
        return "\(l):\(c)"
    }
}
