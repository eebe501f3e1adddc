import Columnar

/// Operators that run operator lists over their input: `partition`, `fork`, `facet`.
extension SyntaxParser {
    /// `[hints] by Column (operators)` or `... by Column { query }`, after `partition`.
    func parsePartition() throws(KQLError) -> PartitionSyntax {
        let options = try parseOptions { $0.hasPrefix("hint.") }
        try expectWord("by", after: "'partition'")
        let key = try parseName(after: "'by'", what: "the partition column")
        let open = current
        if eatPunct("{") {
            let query = try nested { () throws(KQLError) -> ExpressionSyntax in try parseTabular() }
            guard isPunct("}") else {
                throw expected("'}'", after: "the subquery of 'partition' opened at \(location(open))")
            }
            advance()
            return PartitionSyntax(options: options, key: key, body: .query(query), bodySpan: span(from: open))
        }
        guard isPunct("(") else { throw expected("'(' or '{'", after: "the partition column '\(key.name)'") }
        let operators = try parseOperatorList(of: "'partition'")
        return PartitionSyntax(options: options, key: key, body: .operators(operators), bodySpan: span(from: open))
    }

    /// `[name=](operators) ...`, after `fork`.
    func parseFork() throws(KQLError) -> ForkSyntax {
        var branches: [ForkSyntax.Branch] = []
        while true {
            let start = current
            var name: NameSyntax?
            if let length = nameLength(), isPunct("=", length), isPunct("(", length + 1) {
                name = try parseName(after: "'fork'")
                advance()
            } else if !isPunct("(") {
                break
            }
            let operators = try parseOperatorList(of: "'fork'")
            branches.append(ForkSyntax.Branch(name: name, operators: operators, span: span(from: start)))
        }
        if branches.isEmpty { throw expected("'(' and a subquery", after: "'fork'") }
        return ForkSyntax(branches: branches)
    }

    /// `by c1, c2 [with (operators)]`, after `facet`.
    func parseFacet() throws(KQLError) -> FacetSyntax {
        try expectWord("by", after: "'facet'")
        var columns: [NameSyntax] = []
        repeat {
            columns.append(try parseName(after: columns.isEmpty ? "'by'" : "','", what: "a column name"))
        } while eatPunct(",")
        var with: [OperatorSyntax]?
        if eatWord("with") {
            guard isPunct("(") else { throw expected("'('", after: "'with'") }
            with = try parseOperatorList(of: "'facet'")
        }
        return FacetSyntax(columns: columns, with: with)
    }

    /// `( [|] op | op ... )`, one level deeper, with the `(` current.
    func parseOperatorList(of owner: String) throws(KQLError) -> [OperatorSyntax] {
        let open = advance()
        let operators = try nested { () throws(KQLError) -> [OperatorSyntax] in
            var operators: [OperatorSyntax] = []
            _ = eatPunct("|")
            repeat {
                operators.append(try parseOperator())
            } while eatPunct("|")
            return operators
        }
        guard isPunct(")") else { throw expected("')'", after: "the subquery of \(owner) opened at \(location(open))") }
        advance()
        return operators
    }
}
