import Columnar
import KQLSyntax

/// `distinct`: one row per distinct combination of the columns, in first-seen order.
struct DistinctOperator {
    let bound: BoundDistinct

    func execute(_ input: Table, _ budget: QueryBudget) throws(KQLError) -> Table {
        let cols = bound.columns.map { input.columns[$0] }
        // The group id of every row and the interner's table of distinct keys (at most one per row).
        try budget.charge(
            count: input.rowCount,
            bytesEach: MemorySize.sum(12, cols.reduce(0) { MemorySize.sum($0, MemorySize.perRow($1)) }))
        let interner = KeyInterner(types: cols.map(\.type), expected: min(input.rowCount, 1 << 16))
        let ids = try interner.intern(cols, checking: budget)
        var seen = [Bool](repeating: false, count: interner.groupCount)
        var first: [Int] = []
        for (i, g) in ids.enumerated() where !seen[Int(g)] { seen[Int(g)] = true; first.append(i) }
        let schema = Schema(bound.columns.map { input.schema.fields[$0] })
        return Table(schema: schema, columns: cols.map { $0.gather(first) }, rowCount: first.count)
    }
}

extension DistinctOperator: PhysicalOperator {
    var name: String { "distinct" }
    /// First occurrences come out in input order; finding them needs the whole input.
    var traits: OperatorTraits { .preservesOrder }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.context.budget)
    }
}
