import Columnar
import KQLSyntax

/// `evaluate diffpatterns(SplitColumn, SplitValueA, SplitValueB [, WeightColumn, Threshold, MaxDimensions,
/// CustomWildcard, ...])`: patterns of column values that tell set A (rows whose SplitColumn, as text, is
/// SplitValueA) from set B: closed patterns (``ClosedPatternMiner``) whose share of A and of B differ by at least
/// Threshold (default 0.05), grown by at most MaxDimensions (default: any number of) uncorrelated values. Of
/// patterns where one refines another, only the one with the larger difference is kept, so the result is a small
/// set. One row per pattern, by `PercentDiffAB` (largest first): `SegmentId`, `CountA`, `CountB`, `PercentA`,
/// `PercentB`, `PercentDiffAB` (rounded to two decimals) and the input's columns but the split and weight ones.
struct DiffPatternsPlugin: TabularPlugin {
    let name = "diffpatterns"

    private func columns(_ input: Schema, _ arguments: PluginArguments) throws(KQLError) -> (split: Int, weight: Int?) {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let split = try a.column(0, "SplitColumn", in: input)
        _ = try a.value(1, "SplitValueA")
        _ = try a.value(2, "SplitValueB")
        return (split, try PatternArguments(plugin: name, arguments: arguments).weightColumn(3, in: input))
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let (split, weight) = try columns(input, arguments)
        return Schema(
            [
                Field("SegmentId", .long), Field("CountA", .long), Field("CountB", .long), Field("PercentA", .real),
                Field("PercentB", .real), Field("PercentDiffAB", .real),
            ]
                + input.fields.indices.filter { $0 != split && $0 != weight }.map { input.fields[$0] })
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = PatternArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let (split, weight) = try columns(input.schema, arguments)
        let given = AnalyticsArguments(plugin: name, arguments: arguments)
        let valueA = try given.value(1, "SplitValueA"), valueB = try given.value(2, "SplitValueB")
        let setA = ValueOrder.unwrap(valueA).text, setB = ValueOrder.unwrap(valueB).text
        let threshold = try a.threshold(4, "Threshold")
        let maxDimensions = try a.count(5, "MaxDimensions", in: 1...1_000, fallback: 1_000)
        let wildcards = try a.wildcards(from: 6)
        let dims = input.schema.fields.indices.filter { $0 != split && $0 != weight }
        let space = try PatternSpace(
            dimensions: dims.count, rows: input.rowCount, cell: { input.columns[dims[$1]].value($0) },
            set: { r in
                let s = input.columns[split].value(r).text
                return s == setA ? 0 : s == setB ? 1 : nil
            }, weight: { PatternArguments.weight(input, weight, $0) }, budget: arguments.budget)
        guard space.totalA > 0, space.totalB > 0 else {
            throw KQLError(
                .argument,
                "diffpatterns(): no rows have \(space.totalA > 0 ? setB : setA) in \(input.schema.fields[split].name)",
                span: arguments.span, hint: "SplitValueA and SplitValueB must both be values of the SplitColumn")
        }
        let patterns = try DiffPatternSearch(
            space: space, totalA: space.totalA, totalB: space.totalB, threshold: threshold, maxChosen: maxDimensions,
            minValues: 1, budget: arguments.budget
        ).run(plugin: name, span: arguments.span)
        let cells = PatternCells(space: space, types: dims.map { input.schema.fields[$0].type }, wildcards: wildcards)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        for (k, p) in patterns.enumerated() {
            let pa = PatternCells.percent(p.countA, of: space.totalA),
                pb = PatternCells.percent(p.countB, of: space.totalB)
            try out.append(
                [
                    .long(Int64(k)), .long(Int64(p.countA.rounded())), .long(Int64(p.countB.rounded())), .real(pa),
                    .real(pb), .real(((abs(pa - pb)) * 100).rounded() / 100),
                ] + cells.cells(p))
        }
        return PluginResult(table: out.finish())
    }
}

/// The pattern search `diffpatterns` and `diffpatterns_text` share: closed patterns with at least `minValues`
/// values whose shares of A and B differ by `threshold` or more, then, largest difference first, each pattern
/// that neither refines nor is refined by one already kept.
struct DiffPatternSearch {
    let space: PatternSpace
    /// The sizes of the two sets the shares are of.
    let totalA: Double, totalB: Double
    let threshold: Double
    let maxChosen: Int
    let minValues: Int
    let budget: QueryBudget

    /// The kept patterns, largest difference first (ties: larger share of A first, then the values' order).
    func run(plugin: String, span: SourceSpan) throws(KQLError) -> [MinedPattern] {
        let ta = totalA, tb = totalB
        let share = { (p: MinedPattern) in p.countA / ta - p.countB / tb }
        var candidates: [MinedPattern] = []
        try ClosedPatternMiner(space: space, maxChosen: maxChosen, budget: budget).explore(
            plugin: plugin, span: span,
            // A pattern whose rows are under the threshold in both sets cannot differ by the threshold.
            frequent: { a, b in a / ta >= threshold * (1 - 1e-12) || b / tb >= threshold * (1 - 1e-12) },
            visit: { p in
                if p.size >= minValues, abs(share(p)) >= threshold * (1 - 1e-12) { candidates.append(p) }
            })
        candidates.sort {
            let x = abs(share($0)), y = abs(share($1))
            if x != y { return x > y }
            if share($0) != share($1) { return share($0) > share($1) }
            return $0.codes.lexicographicallyPrecedes($1.codes)
        }
        var kept: [MinedPattern] = []
        for p in candidates where !kept.contains(where: { p.refines($0) || $0.refines(p) }) {
            kept.append(p)
            if kept.count % 256 == 0 { try budget.checkDeadline() }
        }
        return kept
    }
}
