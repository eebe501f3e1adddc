import Columnar
import KQLSyntax

/// `top-nested`: hierarchical aggregation. The first level groups the rows by its value and keeps the top
/// N groups by its aggregate (descending unless `asc`; all groups without N); each next level does the
/// same within every group the level before kept. With `with others=C`, the rows of the groups a level
/// did not keep are aggregated together under the value C, as one more row of that level (its deeper
/// levels are null). Each output row is one path down the hierarchy: a value and an aggregate per level,
/// in hierarchy order (each group's children by their aggregate).
struct TopNestedOperator {
    let bound: BoundTopNested

    /// A kept group or an others row of one level.
    private struct Entry {
        var value: Value
        var aggregate: Value
        /// The group's id at its level; nil for an others row, which ends its path.
        var group: Int?
    }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let evaluator = executor.evaluator
        // The group of the previous level each row is in (-1: dropped); all rows start in the one root group.
        var groupOfRow = [Int](repeating: 0, count: input.rowCount)
        var parentCount = 1
        // children[k][p]: the entries of level k under group p of level k - 1.
        var children: [[[Entry]]] = []
        for level in bound.levels {
            try executor.context.budget.checkDeadline()
            let values = try evaluator.column(level.value, over: input)
            let rows = groupOfRow.indices.filter { groupOfRow[$0] >= 0 }
            let grouped = try aggregate(
                level, input, rows: rows, parents: rows.map { groupOfRow[$0] }, values: values.gather(rows), evaluator)
            var candidates = [[(value: Value, aggregate: Value)]](repeating: [], count: parentCount)
            for i in 0..<grouped.rowCount {
                guard case .long(let p) = grouped.columns[0].value(i) else { continue }
                candidates[Int(p)].append((grouped.columns[1].value(i), grouped.columns[2].value(i)))
            }
            var entries = [[Entry]](repeating: [], count: parentCount)
            var kept: [GroupKey: Int] = [:]
            var next = 0
            for p in 0..<parentCount {
                let ranked = TopNestedOperator.ranked(candidates[p], ascending: level.ascending)
                let n = min(level.count ?? ranked.count, ranked.count)
                for c in ranked.prefix(n) {
                    kept[GroupKey(parent: p, value: c.value)] = next
                    entries[p].append(Entry(value: c.value, aggregate: c.aggregate, group: next))
                    next += 1
                }
            }
            var dropped: [Int] = []
            for r in rows {
                if let g = kept[GroupKey(parent: groupOfRow[r], value: values.value(r))] {
                    groupOfRow[r] = g
                } else {
                    dropped.append(r)
                }
            }
            if let others = level.others, !dropped.isEmpty {
                let parents = dropped.map { groupOfRow[$0] }
                let rest = try aggregate(
                    level, input, rows: dropped, parents: parents,
                    values: Column(repeating: others, type: values.type, count: dropped.count), evaluator)
                for i in 0..<rest.rowCount {
                    guard case .long(let p) = rest.columns[0].value(i) else { continue }
                    entries[Int(p)].append(Entry(value: others, aggregate: rest.columns[2].value(i), group: nil))
                }
            }
            for r in dropped { groupOfRow[r] = -1 }
            children.append(entries)
            parentCount = next
        }
        return output(children)
    }

    /// The level's `summarize agg by $parent, $value` over the given rows.
    private func aggregate(
        _ level: BoundTopNested.Level, _ input: Table, rows: [Int], parents: [Int], values: Column,
        _ evaluator: ExpressionEvaluator
    ) throws(KQLError) -> Table {
        let subset = input.gather(rows)
        let fields = input.schema.fields + [Field("$parent", .long), Field("$value", values.type)]
        let extended = Table(
            schema: Schema(fields), columns: subset.columns + [Column(int64s: parents.map(Int64.init)), values],
            rowCount: rows.count)
        return try SummarizeOperator(bound: level.summarize).execute(extended, evaluator)
    }

    /// Groups by aggregate, largest first (smallest with `asc`); nulls last; ties keep first-seen order.
    private static func ranked(_ c: [(value: Value, aggregate: Value)], ascending: Bool) -> [(
        value: Value, aggregate: Value
    )] {
        c.enumerated().sorted { a, b in
            switch (a.element.aggregate.isNull, b.element.aggregate.isNull) {
            case (true, false): return false
            case (false, true): return true
            case (true, true): return a.offset < b.offset
            case (false, false):
                let order = ValueOrder.compare(a.element.aggregate, b.element.aggregate) ?? 0
                if order == 0 { return a.offset < b.offset }
                return ascending ? order < 0 : order > 0
            }
        }.map(\.element)
    }

    /// Every path down the hierarchy, level by level (a loop per level, no recursion).
    private func output(_ children: [[[Entry]]]) -> Table {
        var paths: [[Entry]] = [[]]
        for (k, level) in children.enumerated() {
            var extended: [[Entry]] = []
            for path in paths {
                // A path that ended in an others row, or the root: carried on as it is.
                if k > 0, path.count < k || path.last?.group == nil { extended.append(path); continue }
                let parent = k == 0 ? 0 : path[k - 1].group!
                for e in level[parent] { extended.append(path + [e]) }
            }
            paths = extended
        }
        var builders = bound.schema.fields.map { ColumnBuilder(type: $0.type, capacity: paths.count) }
        for path in paths {
            for k in bound.levels.indices {
                if k < path.count {
                    builders[2 * k].append(path[k].value)
                    builders[2 * k + 1].append(path[k].aggregate)
                } else {
                    builders[2 * k].append(Cast.null(builders[2 * k].type))
                    builders[2 * k + 1].append(Cast.null(builders[2 * k + 1].type))
                }
            }
        }
        return Table(schema: bound.schema, columns: builders.map { $0.finish() }, rowCount: paths.count)
    }

    private struct GroupKey: Hashable {
        var parent: Int
        var value: Value
    }
}

extension TopNestedOperator: PhysicalOperator {
    var name: String { "top-nested" }
    var traits: OperatorTraits { [] }
}
