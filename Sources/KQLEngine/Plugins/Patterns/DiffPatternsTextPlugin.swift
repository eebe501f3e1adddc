import Columnar
import KQLSyntax

/// `evaluate diffpatterns_text(TextColumn, BooleanCondition [, MinTokens, Threshold, MaxTokens])`: text patterns
/// that tell the rows where the condition is true from those where it is false. A text is split into tokens at
/// white space; a pattern is a sequence of tokens and `*` wildcards as long as the texts it matches, with at least
/// MinTokens (default 1) tokens, grown by at most MaxTokens (default 20) uncorrelated tokens, whose shares of the
/// true and the false rows differ by at least Threshold (default 0.05). The search is `diffpatterns`'
/// (``DiffPatternSearch``) over the token positions of the texts of each length. Rows come by
/// `Percent_of_True` − `Percent_of_False`, largest first, as the page's example shows.
struct DiffPatternsTextPlugin: TabularPlugin {
    let name = "diffpatterns_text"
    var acceptsRowExpressions: Bool { true }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = PatternArguments(plugin: name, arguments: arguments)
        guard (2...5).contains(arguments.positional.count) else {
            throw KQLError(
                .argument,
                "diffpatterns_text(TextColumn, BooleanCondition [, MinTokens, Threshold, MaxTokens]) takes "
                    + "2 to 5 arguments, got \(arguments.positional.count)", span: arguments.span)
        }
        if case .expression(let e) = arguments.positional[1], e.type != .bool {
            throw KQLError(
                .type, "diffpatterns_text(): the BooleanCondition must be a bool expression", span: arguments.span)
        }
        if case .value(let v, _) = arguments.positional[1], v.type != .bool {
            throw KQLError(
                .type, "diffpatterns_text(): the BooleanCondition must be a bool expression", span: arguments.span)
        }
        _ = try a.count(2, "MinTokens", in: 0...200, fallback: 1)
        _ = try a.threshold(3, "Threshold")
        _ = try a.count(4, "MaxTokens", in: 0...20, fallback: 20)
        return Schema(
            [
                Field("Count_of_True", .long), Field("Count_of_False", .long), Field("Percent_of_True", .real),
                Field("Percent_of_False", .real), Field("Pattern", .string),
            ])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = PatternArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let minTokens = try a.count(2, "MinTokens", in: 0...200, fallback: 1)
        let threshold = try a.threshold(3, "Threshold")
        let maxTokens = try a.count(4, "MaxTokens", in: 0...20, fallback: 20)
        func values(_ i: Int) -> (Int) -> Value {
            switch arguments.positional[i] {
            case .column(let c): return { c.value($0) }
            case .value(let v, _): return { _ in v }
            default: return { _ in .null }
            }
        }
        let text = values(0), condition = values(1)
        // Rows by their number of tokens; the shares are of all true (false) rows, whatever their length.
        var tokens: [[Substring]] = [], conditionOf: [Bool] = []
        var byLength: [Int: [Int]] = [:]
        var totalTrue = 0.0, totalFalse = 0.0
        for r in 0..<input.rowCount {
            guard case .bool(let c) = ValueOrder.unwrap(condition(r)) else { continue }
            if c { totalTrue += 1 } else { totalFalse += 1 }
            let t = ValueOrder.unwrap(text(r)).text.split(whereSeparator: \.isWhitespace)
            byLength[t.count, default: []].append(tokens.count)
            tokens.append(t)
            conditionOf.append(c)
            if r % 65_536 == 0 { try arguments.budget.checkDeadline() }
        }
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        guard totalTrue > 0 || totalFalse > 0 else { return PluginResult(table: out.finish()) }
        var rows: [(difference: Double, row: [Value])] = []
        for length in byLength.keys.sorted() where length > 0 {
            let members = byLength[length]!
            let space = try PatternSpace(
                dimensions: length, rows: members.count, cell: { .string(String(tokens[members[$0]][$1])) },
                set: { conditionOf[members[$0]] ? 0 : 1 }, weight: { _ in 1 }, budget: arguments.budget)
            let patterns = try DiffPatternSearch(
                space: space, totalA: totalTrue, totalB: totalFalse, threshold: threshold, maxChosen: maxTokens,
                minValues: minTokens,
                budget: arguments.budget
            ).run(plugin: name, span: arguments.span)
            for p in patterns {
                let pt = PatternCells.percent(p.countA, of: totalTrue),
                    pf = PatternCells.percent(p.countB, of: totalFalse)
                let pattern = p.codes.enumerated().map { d, c in c >= 0 ? space.values[d][Int(c)].text : "*" }
                rows.append(
                    (
                        pt.nanToZero - pf.nanToZero,
                        [
                            .long(Int64(p.countA)), .long(Int64(p.countB)), .real(pt.nanToZero), .real(pf.nanToZero),
                            .string(pattern.joined(separator: " ")),
                        ]
                    ))
            }
        }
        rows.sort { $0.difference > $1.difference }
        for r in rows { try out.append(r.row) }
        return PluginResult(table: out.finish())
    }
}

extension Double {
    fileprivate var nanToZero: Double { isNaN ? 0 : self }
}
