import Columnar
import Foundation
import KQLSyntax

/// `evaluate autocluster([SizeWeight, WeightColumn, NumSeeds, CustomWildcard, ...])`: a few patterns of column values
/// that together describe much of the input, by the Seed-Expand search the page names. A pattern's score is the
/// weighted geometric mean of its coverage (the share of rows it matches) and its informativeness (the share of
/// columns it fixes), with weights SizeWeight (default 0.5) and 1 − SizeWeight. The seeds are the NumSeeds
/// (default 25) most frequent distinct rows; each expands by dropping, one at a time, the value whose removal
/// raises the score most, until none does. Of the patterns reached, best score first, each that neither refines
/// nor is refined by one already kept is returned. The pages publish no order: rows come by score. One row per
/// pattern: `SegmentId`, `Count`, `Percent` (rounded to two decimals) and the input's columns, the weight column
/// left out.
struct AutoclusterPlugin: TabularPlugin {
    let name = "autocluster"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        try PatternArguments(plugin: name, arguments: arguments).segmentSchema(input, weightArgument: 1)
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = PatternArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        var sizeWeight = 0.5
        if let v = try a.optional(0) {
            guard let x = MakeSeriesAxis.number(v), x >= 0, x <= 1 else {
                throw KQLError(
                    .argument, "autocluster(): the SizeWeight (argument 1) must be a number from 0 to 1; got \(v.text)",
                    span: arguments.span)
            }
            sizeWeight = x
        }
        let weight = try a.weightColumn(1, in: input.schema)
        let seeds = try a.count(2, "NumSeeds", in: 1...1_000, fallback: 25)
        let wildcards = try a.wildcards(from: 3)
        let dims = input.schema.fields.indices.filter { $0 != weight }
        let space = try PatternSpace(
            dimensions: dims.count, rows: input.rowCount, cell: { input.columns[dims[$1]].value($0) }, set: { _ in 0 },
            weight: { PatternArguments.weight(input, weight, $0) }, budget: arguments.budget)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        guard space.totalA > 0, !dims.isEmpty else { return PluginResult(table: out.finish()) }
        let search = SeedExpand(space: space, sizeWeight: sizeWeight)
        let starts = space.codes.indices.sorted {
            space.weightA[$0] != space.weightA[$1] ? space.weightA[$0] > space.weightA[$1] : $0 < $1
        }.prefix(seeds)
        var reached: [MinedPattern] = []
        for t in starts {
            let p = search.expand(space.codes[t])
            if p.size > 0, !reached.contains(where: { $0.codes == p.codes }) { reached.append(p) }
            try arguments.budget.checkDeadline()
        }
        reached.sort {
            search.score($0) != search.score($1)
                ? search.score($0) > search.score($1) : $0.codes.lexicographicallyPrecedes($1.codes)
        }
        var kept: [MinedPattern] = []
        for p in reached where !kept.contains(where: { p.refines($0) || $0.refines(p) }) { kept.append(p) }
        let cells = PatternCells(space: space, types: dims.map { input.schema.fields[$0].type }, wildcards: wildcards)
        for (k, p) in kept.enumerated() {
            try out.append(
                [
                    .long(Int64(k)), .long(Int64(p.countA.rounded())),
                    .real(PatternCells.percent(p.countA, of: space.totalA)),
                ] + cells.cells(p))
        }
        return PluginResult(table: out.finish())
    }
}

/// The expansion step of Seed-Expand over a ``PatternSpace``: coverage from per-value lists of combinations.
struct SeedExpand {
    let space: PatternSpace
    let sizeWeight: Double
    /// Per dimension and value code: the combinations holding it, in order.
    private let holders: [[[Int]]]

    init(space: PatternSpace, sizeWeight: Double) {
        self.space = space; self.sizeWeight = sizeWeight
        var holders = space.values.map { [[Int]](repeating: [], count: $0.count) }
        for (t, codes) in space.codes.enumerated() {
            for (d, c) in codes.enumerated() where c >= 0 { holders[d][Int(c)].append(t) }
        }
        self.holders = holders
    }

    /// coverage^SizeWeight · informativeness^(1 − SizeWeight).
    func score(_ p: MinedPattern) -> Double {
        let coverage = p.countA / space.totalA, informativeness = Double(p.size) / Double(space.dimensions)
        return Foundation.pow(coverage, sizeWeight) * Foundation.pow(informativeness, 1 - sizeWeight)
    }

    /// The pattern fixing `codes`, with the weight of the rows it matches.
    func pattern(_ codes: [Int32]) -> MinedPattern {
        let fixed = codes.indices.filter { codes[$0] >= 0 }.sorted {
            holders[$0][Int(codes[$0])].count < holders[$1][Int(codes[$1])].count
        }
        guard let first = fixed.first else { return MinedPattern(codes: codes, countA: space.totalA, countB: 0) }
        var weight = 0.0
        for t in holders[first][Int(codes[first])] where fixed.allSatisfy({ space.codes[t][$0] == codes[$0] }) {
            weight += space.weightA[t]
        }
        return MinedPattern(codes: codes, countA: weight, countB: 0)
    }

    /// From a seed, drop the value whose removal raises the score most, while one does.
    func expand(_ seed: [Int32]) -> MinedPattern {
        var current = pattern(seed)
        while true {
            var best: MinedPattern?
            for d in current.codes.indices where current.codes[d] >= 0 && current.size > 1 {
                var codes = current.codes
                codes[d] = -1
                let p = pattern(codes)
                if score(p) > score(best ?? current) { best = p }
            }
            guard let next = best else { return current }
            current = next
        }
    }
}
