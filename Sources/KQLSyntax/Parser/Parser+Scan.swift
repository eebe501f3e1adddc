import Columnar

extension SyntaxParser {
    /// `[with_match_id=Id] [declare (c:type [= v], ...)] with (step ...; ...)`, after `scan`.
    func parseScan() throws(KQLError) -> ScanSyntax {
        var matchId: NameSyntax?
        if isWord("with_match_id"), isPunct("=", 1) {
            advance(); advance()
            matchId = try parseName(after: "'with_match_id='", what: "a column name")
        }
        var declarations: [ScanSyntax.Declaration] = []
        if eatWord("declare") {
            let open = try expectPunct("(", after: "'declare'")
            repeat {
                let name = try parseName(after: declarations.isEmpty ? "'declare ('" : "','", what: "a column name")
                try expectPunct(":", after: "the declared column '\(name.name)'")
                let type = try parseType(after: "'\(name.name):'")
                var value: ExpressionSyntax?
                if eatPunct("=") {
                    value = try parseExpression(
                        expecting: "a default value", after: "'\(name.name):\(type.rawValue) ='")
                }
                declarations.append(ScanSyntax.Declaration(name: name, type: type, defaultValue: value))
            } while eatPunct(",")
            guard isPunct(")") else {
                throw expected("',' or ')'", after: "the declarations opened at \(location(open))")
            }
            advance()
        }
        try expectWord("with", after: declarations.isEmpty ? "'scan'" : "the declarations of 'scan'")
        let open = try expectPunct("(", after: "'with'")
        var steps: [ScanSyntax.Step] = []
        while isWord("step") {
            steps.append(try parseScanStep())
        }
        if steps.isEmpty { throw expected("'step'", after: "'with ('") }
        guard isPunct(")") else { throw expected("'step' or ')'", after: "the steps opened at \(location(open))") }
        advance()
        return ScanSyntax(matchIdColumn: matchId, declarations: declarations, steps: steps)
    }

    /// `step Name [output=all|last|none]: Condition [=> c = e, ...];` (the `;` may be left out before `)`).
    private func parseScanStep() throws(KQLError) -> ScanSyntax.Step {
        let start = advance()
        let name = try parseName(after: "'step'", what: "a step name")
        var output = ScanSyntax.Output.all
        if isWord("output"), isPunct("=", 1) {
            advance(); advance()
            guard current.isIdentifier, let o = ScanSyntax.Output(rawValue: current.text) else {
                throw expected("'all', 'last' or 'none'", after: "'output='")
            }
            advance()
            output = o
        }
        try expectPunct(":", after: "the step name '\(name.name)'")
        let condition = try parseExpression(expecting: "a condition", after: "'step \(name.name):'")
        var assignments: [AssignmentSyntax] = []
        if eatPunct("=>") {
            repeat {
                let column = try parseName(after: assignments.isEmpty ? "'=>'" : "','", what: "a declared column name")
                try expectPunct("=", after: "the column name '\(column.name)'")
                let value = try parseExpression(expecting: "an expression", after: "'\(column.name) ='")
                assignments.append(AssignmentSyntax(names: [column], value: value))
            } while eatPunct(",")
        }
        if !eatPunct(";"), !isPunct(")") { throw expected("';'", after: "the step '\(name.name)'") }
        return ScanSyntax.Step(
            name: name, output: output, condition: condition, assignments: assignments, span: span(from: start))
    }
}
