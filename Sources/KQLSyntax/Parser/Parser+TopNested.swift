import Columnar

/// `top-nested`, `top-hitters` and `sample-distinct`: operators that pick values by count or aggregate.
extension SyntaxParser {
    /// `[N] of [name=]Expr [with others=C] by [name=]Agg [asc|desc], top-nested ...`, after the first `top-nested`.
    func parseTopNested(start first: Token) throws(KQLError) -> TopNestedSyntax {
        var levels: [TopNestedSyntax.Level] = []
        var start = first
        while true {
            var count: ExpressionSyntax?
            if !isWord("of") { count = try parseExpression(expecting: "a count or 'of'", after: "'top-nested'") }
            try expectWord("of", after: count == nil ? "'top-nested'" : "the count of 'top-nested'")
            let value = try parseAssignment(after: "'of'")
            var others: ExpressionSyntax?
            if eatWord("with") {
                try expectWord("others", after: "'with'")
                try expectPunct("=", after: "'others'")
                others = try parseExpression(expecting: "a constant", after: "'others ='")
            }
            try expectWord("by", after: "the value of 'top-nested'")
            let aggregate = try parseAssignment(after: "'by'")
            var ascending = false
            if eatWord("asc") { ascending = true } else { _ = eatWord("desc") }
            levels.append(
                TopNestedSyntax.Level(
                    count: count, value: value, others: others, aggregate: aggregate,
                    ascending: ascending, span: span(from: start)))
            // `, top-nested` starts the next level.
            guard isPunct(","), isWord("top", 1), isPunct("-", 2), isWord("nested", 3) else { break }
            advance()
            start = current
            position += 3
        }
        return TopNestedSyntax(levels: levels)
    }

    /// `N of Expr [by SummingExpr]`, after `top-hitters`.
    func parseTopHitters() throws(KQLError) -> TopHittersSyntax {
        let count = try parseExpression(expecting: "a number of values", after: "'top-hitters'")
        try expectWord("of", after: "the number of values of 'top-hitters'")
        let value = try parseExpression(expecting: "an expression", after: "'of'")
        var summing: ExpressionSyntax?
        if eatWord("by") { summing = try parseExpression(expecting: "a numeric expression", after: "'by'") }
        return TopHittersSyntax(count: count, value: value, summing: summing)
    }
}

extension SyntaxParser {
    /// `[kind=source] by Expr [with [threshold=T] [, characters=C]]`, after `reduce`.
    func parseReduce() throws(KQLError) -> ReduceSyntax {
        let options = try parseOptions { $0 == "kind" }
        try expectWord("by", after: "'reduce'")
        let value = try parseExpression(expecting: "a string expression", after: "'by'")
        var properties: [OptionSyntax] = []
        if eatWord("with") {
            repeat {
                let start = current
                guard current.isIdentifier, isPunct("=", 1) else {
                    throw expected("'threshold =' or 'characters ='", after: properties.isEmpty ? "'with'" : "','")
                }
                let name = advance().text
                advance()
                let v = try parseExpression(expecting: "a value", after: "'\(name) ='")
                properties.append(OptionSyntax(name: name, value: v, span: span(from: start)))
            } while eatPunct(",")
        }
        return ReduceSyntax(options: options, value: value, properties: properties)
    }
}
