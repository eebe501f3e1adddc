import Columnar
import KQLSyntax

/// `summarize` in two steps for the morsel path (``QueryParallelism``): each morsel is summarized on
/// its own (partial aggregates per group of that morsel), then the partial tables, in morsel order, are
/// summarized again by the same keys with each aggregate's merge (a count or a sum is summed, a
/// minimum is the minimum of the minima). A key's first row in the concatenated partials lies in the
/// first morsel holding the key, so groups keep their first-seen order.
extension SummarizeOperator {
    /// How the partial values of one aggregate combine.
    enum Merge {
        case sum, min, max
    }

    /// The merge of an aggregate, or nil when it does not decompose (or not for its argument's type).
    static func merge(of agg: BoundAggregate) -> Merge? {
        guard agg.star.isEmpty, agg.outputs.count == 1 else { return nil }
        let type = agg.arguments.first?.type
        switch agg.function {
        case is CountAggregate, is CountifAggregate:
            return .sum
        case is SumAggregate:
            // Decimal and dynamic sums stay whole: their values are boxed, and a partial would change their type.
            return [.int, .long, .real, .timespan].contains(type) ? .sum : nil
        case let e as ExtremeAggregate:
            return [.int, .long, .real, .datetime, .timespan].contains(type) ? (e.isMax ? .max : .min) : nil
        default:
            return nil
        }
    }

    /// Whether this summarize can run as partial aggregates over morsels.
    var decomposes: Bool {
        bound.aggregates.allSatisfy { Self.merge(of: $0) != nil && $0.arguments.allSatisfy(\.isMorselSafe) }
            && bound.keys.allSatisfy(\.value.isMorselSafe)
    }

    /// The partial aggregates of one morsel: its key columns, then one column per aggregate.
    func partial(_ morsel: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let (keys, calls) = try prepare(morsel, evaluator)
        let (groupCount, columns) = try Self.aggregate(
            keys: keys, rowCount: morsel.rowCount, calls, evaluator.context)
        return Table(
            schema: Schema(columns.enumerated().map { Field("p\($0.offset)", $0.element.type) }), columns: columns,
            rowCount: groupCount)
    }

    /// The operator's output from the morsels' partial tables, in morsel order; nil when a partial long
    /// sum overflowed (its null cannot be merged exactly), and the caller runs the whole table instead.
    func merge(_ partials: [Table], _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table? {
        let all = Table.concatenating(partials)
        let k = bound.keys.count
        var calls: [Call] = []
        for (i, agg) in bound.aggregates.enumerated() {
            let column = all.columns[k + i]
            let function: any AggregateFunction
            switch Self.merge(of: agg) {
            case .sum:
                // A long sum that does not fit is null (never wrapped); the whole table may still fit.
                if column.type != .real, column.nullCount > 0 { return nil }
                function = SumAggregate(conditional: false)
            case .min: function = ExtremeAggregate(isMax: false, conditional: false)
            case .max: function = ExtremeAggregate(isMax: true, conditional: false)
            case nil: return nil
            }
            calls.append(Call(function: function, arguments: [.column(column)], star: [], outputs: 1, span: agg.span))
        }
        let (groupCount, outputs) = try Self.aggregate(
            keys: Array(all.columns[0..<k]), rowCount: all.rowCount, calls, evaluator.context)
        return try finish(outputs, groupCount: groupCount, evaluator)
    }
}
