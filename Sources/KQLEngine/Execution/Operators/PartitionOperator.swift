import Columnar
import KQLSyntax

/// `partition`: splits the input by the key column's values (in the order they first appear), runs the
/// body over each partition, and returns the union of the results, one partition after the other.
///
/// The body is bound for each partition by the query's binder, so `as` names, `toscalar()` and the key
/// column of a `{ query }` body are that partition's. The `legacy` strategy (the default) refuses more
/// than 64 partitions, as the reference says; `native` and `shuffle` take any number.
struct PartitionOperator {
    let bound: BoundPartition

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let keyColumn = input.columns[bound.key]
        var order: [Value] = []
        var rows: [Value: [Int]] = [:]
        for r in 0..<input.rowCount {
            let v = keyColumn.value(r)
            if rows[v] == nil { order.append(v) }
            rows[v, default: []].append(r)
        }
        if bound.strategy == .legacy, order.count > BoundPartition.legacyLimit {
            throw KQLError(
                .limit,
                "partition by '\(bound.keyName)' has \(order.count) partitions; the legacy strategy takes at most \(BoundPartition.legacyLimit)",
                span: bound.bodySpan, hint: "add hint.strategy=native (or shuffle) before 'by'")
        }
        let binder = try executor.context.queryBinder()
        var results: [Table] = []
        for v in order {
            try executor.context.budget.checkDeadline()
            let q = try binder.bindPartitionBody(bound, rows: input.gather(rows[v] ?? []), key: v)
            let t = try executor.run(Planner.plan(q))
            guard t.schema.names == bound.schema.names else {
                throw KQLError(
                    .runtime,
                    "the subquery of partition produced columns (\(t.schema.names.joined(separator: ", "))) for one partition but (\(bound.schema.names.joined(separator: ", "))) for another",
                    span: bound.bodySpan, hint: "make the subquery produce the same columns for every partition")
            }
            results.append(t)
        }
        if results.isEmpty {
            return Table(schema: bound.schema, columns: bound.schema.fields.map { Column.empty($0.type) }, rowCount: 0)
        }
        var columns: [Column] = []
        for (i, f) in bound.schema.fields.enumerated() {
            columns.append(
                Column.concat(
                    results.map { t in
                        t.schema.fields[i].type == f.type ? t.columns[i] : Cast.explicit(t.columns[i], to: f.type)
                    },
                    type: f.type))
        }
        return Table(schema: bound.schema, columns: columns, rowCount: results.reduce(0) { $0 + $1.rowCount })
    }
}

extension PartitionOperator: PhysicalOperator {
    var name: String { "partition" }
    var traits: OperatorTraits { [] }
}
