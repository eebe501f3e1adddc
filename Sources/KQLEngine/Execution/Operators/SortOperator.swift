import Columnar
import KQLSyntax

/// `sort by`/`order by`: rows ordered by the keys (descending unless `asc`; nulls first for ascending
/// keys and last for descending ones unless written otherwise). Equal rows keep their input order.
struct SortOperator {
    let keys: [BoundSortKey]

    func comparator(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> RowComparator {
        var ks: [RowComparator.Key] = []
        for k in keys {
            ks.append(
                .init(
                    column: try evaluator.column(k.value, over: input), ascending: k.ascending, nullsFirst: k.nullsFirst
                ))
        }
        return RowComparator(keys: ks)
    }

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let cmp = try comparator(input, evaluator)
        // The permutation, then the rows copied in its order.
        try evaluator.context.budget.charge(
            count: input.rowCount, bytesEach: MemorySize.sum(8, MemorySize.perRow(input)))
        return input.gather(try cmp.sortedIndices(count: input.rowCount, checking: evaluator.context.budget))
    }
}

extension SortOperator: PhysicalOperator {
    var name: String { "sort" }
    /// Makes an order of its own from the whole input.
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
