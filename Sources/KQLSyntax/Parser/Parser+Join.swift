import Columnar

/// `join`, `lookup` and `mv-expand`.
extension SyntaxParser {
    func parseJoin() throws(KQLError) -> JoinSyntax {
        let options = try parseOptions { $0 == "kind" || $0.hasPrefix("hint.") }
        let (right, conditions) = try parseJoinRightAndConditions(operatorName: "join")
        return JoinSyntax(options: options, right: right, conditions: conditions)
    }

    /// `(query)` or a table name, then `on` and the conditions.
    func parseJoinRightAndConditions(operatorName: String) throws(KQLError) -> (ExpressionSyntax, [JoinConditionSyntax])
    {
        let right: ExpressionSyntax
        if isPunct("(") {
            let open = advance()
            guard canStartExpression else { throw expected("a query", after: "'('") }
            right = try parseTabular()
            guard isPunct(")") else {
                throw expected("')'", after: "the right side of '\(operatorName)' (opened at \(location(open)))")
            }
            advance()
        } else if nameLength() != nil {
            right =
                isPunct("(", 1) && current.isIdentifier
                ? try parsePostfix() : .name(try parseName(after: "'\(operatorName)'"))
        } else {
            throw expected("a table name or '(' query ')'", after: "'\(operatorName)'")
        }
        try expectWord("on", after: "the right side of '\(operatorName)'")
        var conditions: [JoinConditionSyntax] = []
        repeat {
            let e = try parseExpression(
                expecting: "a column name or '$left.a == $right.b'", after: conditions.isEmpty ? "'on'" : "','")
            try appendConditions(e, to: &conditions)
        } while eatPunct(",")
        return (right, conditions)
    }

    private func appendConditions(_ e: ExpressionSyntax, to conditions: inout [JoinConditionSyntax]) throws(KQLError) {
        switch e {
        case .binary(.and, let l, let r, _):
            try appendConditions(l, to: &conditions)
            try appendConditions(r, to: &conditions)
        case .chain(let first, let links, _) where links.allSatisfy({ $0.op == .and }):
            try appendConditions(first, to: &conditions)
            for link in links { try appendConditions(link.operand, to: &conditions) }
        case .parenthesized(let inner, _):
            try appendConditions(inner, to: &conditions)
        case .name(let n):
            conditions.append(.sameName(n))
        case .binary(.equal, let l, let r, let span):
            if let (ls, lc) = sideColumn(l), let (rs, rc) = sideColumn(r), ls != rs {
                conditions.append(
                    ls == "$left"
                        ? .equality(left: lc, right: rc, span: span) : .equality(left: rc, right: lc, span: span))
                return
            }
            fallthrough
        default:
            throw KQLError(.parse, "a join condition is a column name or '$left.a == $right.b'", span: e.span)
        }
    }

    /// `$left.col` / `$right.col` → (side, col).
    private func sideColumn(_ e: ExpressionSyntax) -> (String, NameSyntax)? {
        guard case .member(.name(let side), let column, _) = e, side.name == "$left" || side.name == "$right" else {
            return nil
        }
        return (side.name, column)
    }

    /// `mv-expand [bagexpansion=..] [with_itemindex=..] item [to typeof(t)], ... [limit n]`.
    func parseMvExpand(
        operatorName: String = "'mv-expand'",
        allowing: Set<String> = ["bagexpansion", "with_itemindex", "kind"]
    ) throws(KQLError) -> MvExpandSyntax {
        let options = try parseOptions { allowing.contains($0) || $0.hasPrefix("hint.") }
        var items: [MvExpandItemSyntax] = []
        repeat {
            let assignment = try parseAssignment(after: items.isEmpty ? operatorName : "','")
            var toType: ScalarType?
            if eatWord("to") {
                try expectWord("typeof", after: "'to'")
                let open = try expectPunct("(", after: "'typeof'")
                toType = try parseType(after: "'typeof('")
                guard isPunct(")") else { throw expected("')'", after: "the type opened at \(location(open))") }
                advance()
            }
            items.append(MvExpandItemSyntax(assignment: assignment, toType: toType))
        } while eatPunct(",")
        var limit: ExpressionSyntax?
        if eatWord("limit") { limit = try parseExpression(expecting: "a row count", after: "'limit'") }
        return MvExpandSyntax(options: options, items: items, limit: limit)
    }
}
