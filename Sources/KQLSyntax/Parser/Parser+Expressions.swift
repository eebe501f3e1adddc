import Columnar

/// Scalar expressions, lowest precedence first: `or`, `and`, comparisons and string operators, `+ -`, `* / %`,
/// unary `-`, then postfix `.member`, `[index]` and calls.
extension SyntaxParser {
    func parseExpression() throws(KQLError) -> ExpressionSyntax { try parseOr() }

    func parseOr() throws(KQLError) -> ExpressionSyntax {
        var left = try parseAnd()
        while isWord("or") {
            advance()
            let right = try parseAnd()
            left = .binary(op: .or, left: left, right: right, span: left.span.union(right.span))
        }
        return left
    }

    func parseAnd() throws(KQLError) -> ExpressionSyntax {
        var left = try parseComparison()
        while isWord("and") {
            advance()
            let right = try parseComparison()
            left = .binary(op: .and, left: left, right: right, span: left.span.union(right.span))
        }
        return left
    }

    func parseComparison() throws(KQLError) -> ExpressionSyntax {
        var left = try parseAdditive()
        while let op = try comparisonOperator() {
            switch op {
            case .binary(let b):
                let right = try parseAdditive()
                left = .binary(op: b, left: left, right: right, span: left.span.union(right.span))
            case .set(let s):
                let (items, end) = try parseSetOperand(s.rawValue)
                left = .setMembership(op: s, left: left, right: items, span: SourceSpan(left.span.start, end))
            case .between(let negated):
                let open = try expectPunct("(", after: negated ? "'!between'" : "'between'")
                let low = try parseAdditive()
                try expectPunct("..", after: "the lower bound of 'between'")
                let high = try parseAdditive()
                guard isPunct(")") else { throw expected("')'", after: "the range of 'between' (opened at \(location(open)))") }
                let close = advance()
                left = .between(value: left, low: low, high: high, negated: negated, span: SourceSpan(left.span.start, close.span.end))
            }
        }
        return left
    }

    enum ComparisonOperator { case binary(BinaryOperator), set(SetOperator), between(negated: Bool) }

    static let wordOperators: [String: ComparisonOperator] = {
        var map: [String: ComparisonOperator] = [:]
        for op in BinaryOperator.allCases where op.rawValue.first?.isLetter == true && !op.rawValue.contains(" ") && op != .and && op != .or {
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
                    if op == .notLike { throw error("'!like' is not a KQL operator; use '!contains' or '!has'", at: word) }
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
        guard isPunct(")") else { throw expected("',' or ')'", after: "the list of '\(opName)' (opened at \(location(open)))") }
        return (items, advance().span.end)
    }

    func parseAdditive() throws(KQLError) -> ExpressionSyntax {
        var left = try parseMultiplicative()
        while current.kind == .punct, let op = ["+": BinaryOperator.add, "-": .subtract][current.text] {
            advance()
            let right = try parseMultiplicative()
            left = .binary(op: op, left: left, right: right, span: left.span.union(right.span))
        }
        return left
    }

    func parseMultiplicative() throws(KQLError) -> ExpressionSyntax {
        var left = try parseUnary()
        while current.kind == .punct, let op = ["*": BinaryOperator.multiply, "/": .divide, "%": .modulo][current.text] {
            advance()
            let right = try parseUnary()
            left = .binary(op: op, left: left, right: right, span: left.span.union(right.span))
        }
        return left
    }

    func parseUnary() throws(KQLError) -> ExpressionSyntax {
        if isPunct("-") || isPunct("+") {
            let t = advance()
            let operand = try parseUnary()
            return .unary(op: t.text == "-" ? .negate : .plus, operand: operand, span: t.span.union(operand.span))
        }
        return try parsePostfix()
    }

    func parsePostfix() throws(KQLError) -> ExpressionSyntax {
        var e = try parsePrimary()
        while true {
            if isPunct("."), peek(1).isIdentifier || isPunct("[", 1) {
                advance()
                let name = try parseName(after: "'.'")
                e = .member(base: e, name: name, span: e.span.union(name.span))
            } else if isPunct("[") {
                let open = advance()
                let index = try parseExpression()
                guard isPunct("]") else { throw expected("']'", after: "the index opened at \(location(open))") }
                let close = advance()
                e = .index(base: e, index: index, span: SourceSpan(e.span.start, close.span.end))
            } else {
                return e
            }
        }
    }

    /// `line:column` of a token, for messages that point back at an opening bracket.
    func location(_ t: Token) -> String {
        let (l, c) = source.location(of: t.span.start)
        return "\(l):\(c)"
    }
}
