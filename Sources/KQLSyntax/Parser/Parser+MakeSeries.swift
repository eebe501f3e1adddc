import Columnar

extension SyntaxParser {
    /// `[kind=nonempty] [hint.*] [name =] agg [default = v], ... on axis [from a] [to b] step s [by keys]`,
    /// after `make-series`.
    func parseMakeSeries() throws(KQLError) -> MakeSeriesSyntax {
        let options = try parseOptions { $0 == "kind" || $0.hasPrefix("hint.") }
        var aggregates: [MakeSeriesSyntax.Aggregate] = []
        repeat {
            let a = try parseAssignment(after: aggregates.isEmpty ? "'make-series'" : "','")
            var defaultValue: ExpressionSyntax?
            if isWord("default"), isPunct("=", 1) {
                position += 2
                defaultValue = try parseExpression(expecting: "a default value", after: "'default ='")
            }
            aggregates.append(.init(assignment: a, defaultValue: defaultValue))
        } while eatPunct(",")
        try expectWord("on", after: "the aggregations of 'make-series'")
        let axis = try parseExpression(expecting: "the axis column", after: "'on'")
        // `on axis in range(start, stop, step)`: the alternate syntax, which parses as an `in` expression.
        if case .setMembership(.in, let column, let right, _) = axis, right.count == 1,
            case .call(let name, let args, _) = right[0], name.name == "range"
        {
            guard args.count == 3 else {
                throw error("make-series 'in range(start, stop, step)' needs three arguments", at: current)
            }
            var by: [AssignmentSyntax] = []
            if eatWord("by") { by = try parseAssignments(after: "'by'") }
            var m = MakeSeriesSyntax(
                options: options, aggregates: aggregates, axis: column, from: args[0].value,
                to: args[1].value, step: args[2].value, by: by)
            m.rangeForm = true
            return m
        }
        var from: ExpressionSyntax?, to: ExpressionSyntax?
        if eatWord("from") { from = try parseExpression(expecting: "the series start", after: "'from'") }
        if eatWord("to") { to = try parseExpression(expecting: "the series end", after: "'to'") }
        try expectWord("step", after: "the axis of 'make-series'")
        let step = try parseExpression(expecting: "the bin size", after: "'step'")
        var by: [AssignmentSyntax] = []
        if eatWord("by") { by = try parseAssignments(after: "'by'") }
        return MakeSeriesSyntax(
            options: options, aggregates: aggregates, axis: axis, from: from, to: to, step: step, by: by)
    }
}
