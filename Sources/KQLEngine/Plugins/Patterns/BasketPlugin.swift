import Columnar
import KQLSyntax

/// `evaluate basket([Threshold, WeightColumn, MaxDimensions, CustomWildcard, ...])`: the frequent patterns of the
/// input — combinations of column values that at least Threshold (default 0.05) of the rows share, by weight — in
/// the Apriori sense, keeping the closed ones (a pattern whose rows all share a further value is reported with
/// that value), grown by at most MaxDimensions (default 5) uncorrelated values. Exact: no sampling. One row per
/// pattern: `SegmentId`, `Count`, `Percent` (rounded to two decimals) and the input's columns (the weight column
/// left out), a wildcard where the pattern takes any value. The pages publish no order: rows come by Count
/// (largest first), then fewer values first, then the values' first appearance.
struct BasketPlugin: TabularPlugin {
    let name = "basket"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        try PatternArguments(plugin: name, arguments: arguments).segmentSchema(input, weightArgument: 1)
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = PatternArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let threshold = try a.threshold(0, "Threshold")
        let weight = try a.weightColumn(1, in: input.schema)
        let maxDimensions = try a.count(2, "MaxDimensions", in: 1...1_000, fallback: 5)
        let wildcards = try a.wildcards(from: 3)
        let dims = input.schema.fields.indices.filter { $0 != weight }
        let space = try PatternSpace(
            dimensions: dims.count, rows: input.rowCount, cell: { input.columns[dims[$1]].value($0) }, set: { _ in 0 },
            weight: { PatternArguments.weight(input, weight, $0) }, budget: arguments.budget)
        var found: [MinedPattern] = []
        let least = threshold * space.totalA
        try ClosedPatternMiner(space: space, maxChosen: maxDimensions, budget: arguments.budget).explore(
            plugin: name, span: arguments.span, frequent: { a, _ in a > 0 && a >= least * (1 - 1e-12) },
            visit: { found.append($0) })
        let order = found.indices.sorted {
            let p = found[$0], q = found[$1]
            if p.countA != q.countA { return p.countA > q.countA }
            if p.size != q.size { return p.size < q.size }
            return p.codes.lexicographicallyPrecedes(q.codes)
        }
        let cells = PatternCells(space: space, types: dims.map { input.schema.fields[$0].type }, wildcards: wildcards)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        for (k, i) in order.enumerated() {
            let p = found[i]
            try out.append(
                [
                    .long(Int64(k)), .long(Int64(p.countA.rounded())),
                    .real(PatternCells.percent(p.countA, of: space.totalA)),
                ] + cells.cells(p))
        }
        return PluginResult(table: out.finish())
    }
}
