import Columnar
import KQLSyntax
import SeriesAnalysis

/// `evaluate dcount_intersect(hll_1, hll_2 [, ...])`: for each row, the distinct counts of S1, S1 ∩ S2, ...,
/// S1 ∩ ... ∩ Sn from 2 to 16 `hll()` columns, added as columns `s0` ... `s(n-1)`. Exact sketches intersect
/// their hashes exactly; estimating ones use inclusion–exclusion over the unions' estimates.
struct DcountIntersectPlugin: TabularPlugin {
    let name = "dcount_intersect"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let columns = try sketchColumns(input, arguments)
        return Schema(input.fields + columns.indices.map { Field("s\($0)", .long) })
    }

    private func sketchColumns(_ input: Schema, _ arguments: PluginArguments) throws(KQLError) -> [Int] {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        guard (2...16).contains(a.count) else {
            throw KQLError(
                .argument, "dcount_intersect() takes 2 to 16 hll() columns, got \(a.count)", span: arguments.span)
        }
        return try (0..<a.count).map { (i: Int) throws(KQLError) -> Int in try a.column(i, "hll column", in: input) }
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let columns = try sketchColumns(input.schema, arguments)
        var builders = columns.map { _ in ColumnBuilder(type: .long, capacity: input.rowCount) }
        for r in 0..<input.rowCount {
            var sketches: [HyperLogLog] = []
            for c in columns {
                do {
                    guard let h = try SketchCodec.hll(input.columns[c].value(r)) else { break }
                    sketches.append(h)
                } catch {
                    throw KQLError(
                        error.code, "dcount_intersect(): \(error.message)", span: arguments.span, hint: error.hint)
                }
            }
            for k in columns.indices {
                if sketches.count > k {
                    builders[k].append(.long(try intersection(Array(sketches.prefix(k + 1)), arguments.span)))
                } else {
                    builders[k].appendNull()
                }
            }
        }
        var out = input
        out.schema = Schema(input.schema.fields + columns.indices.map { Field("s\($0)", .long) })
        out.columns = input.columns + builders.map { $0.finish() }
        return PluginResult(table: out)
    }

    /// |S1 ∩ ... ∩ Sk|.
    private func intersection(_ sets: [HyperLogLog], _ span: SourceSpan) throws(KQLError) -> Int64 {
        if sets.allSatisfy(\.isExact) {
            var common = Set(sets[0].encoded.hashes)
            for s in sets.dropFirst() { common.formIntersection(s.encoded.hashes) }
            return Int64(common.count)
        }
        // Inclusion–exclusion: Σ over non-empty subsets T of (-1)^(|T|+1) · |∪T|.
        var total = 0.0
        for mask in 1..<(1 << sets.count) {
            var union: HyperLogLog?
            for i in sets.indices where mask & (1 << i) != 0 {
                if union == nil {
                    union = sets[i]
                } else {
                    do { try union!.merge(sets[i]) } catch {
                        throw KQLError(error.code, "dcount_intersect(): \(error.message)", span: span, hint: error.hint)
                    }
                }
            }
            total += (mask.nonzeroBitCount % 2 == 1 ? 1 : -1) * Double(union!.estimate)
        }
        let smallest = sets.map(\.estimate).min() ?? 0
        return min(smallest, max(0, Int64(total.rounded())))
    }
}
