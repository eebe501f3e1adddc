import Columnar
import KQLSyntax

/// `mv-apply`: each input row is expanded (as `mv-expand` does) into a subtable, the subquery runs over it, and
/// the row's non-expanded columns the subquery dropped are repeated beside every row it returns.
struct MvApplyOperator {
    let bound: BoundMvApply
    /// `bound.subquery`, planned once and run for every row.
    let subquery: PhysicalPlan

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        // Expand all rows at once, carrying each row's number to split the result into per-row subtables.
        let rowColumn = input.schema.fields.count
        let carrier = Table(
            schema: Schema(input.schema.fields + [Field("$row", .long)]),
            columns: input.columns + [Column(int64s: (0..<input.rowCount).map(Int64.init))],
            rowCount: input.rowCount)
        let expanded = try MvExpandOperator(bound: bound.expand).execute(carrier, executor.evaluator)
        let subColumns = expanded.schema.fields.indices.filter { $0 != rowColumn }
        let subSchema = Schema(subColumns.map { expanded.schema.fields[$0] })

        var outRows: [Int] = []
        var builders = bound.subquery.schema.fields.map { ColumnBuilder(type: $0.type, capacity: input.rowCount) }
        var start = 0
        for r in 0..<input.rowCount {
            var end = start
            while end < expanded.rowCount, expanded.columns[rowColumn].value(end) == .long(Int64(r)) { end += 1 }
            let indices = Array(start..<end)
            start = end
            let sub = Table(
                schema: subSchema, columns: subColumns.map { expanded.columns[$0].gather(indices) },
                rowCount: indices.count)
            executor.context.inputs.append(sub)
            let result: Table
            do { result = try executor.run(subquery) } catch {
                executor.context.inputs.removeLast()
                throw error
            }
            executor.context.inputs.removeLast()
            for k in 0..<result.rowCount {
                outRows.append(r)
                for j in builders.indices { builders[j].append(from: result.columns[j], row: k) }
            }
        }
        let repeated = input.gather(outRows)
        let columns = bound.kept.map { repeated.columns[$0] } + builders.indices.map { builders[$0].finish() }
        return Table(schema: bound.schema, columns: columns, rowCount: outRows.count)
    }
}

extension MvApplyOperator: PhysicalOperator {
    var name: String { "mv-apply" }
    /// Each row's subtable is worked on its own, and its results stand where the row stood.
    var traits: OperatorTraits { .rowWise }
}
