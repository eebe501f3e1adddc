import Columnar
import KQLSyntax

/// `mv-expand`: each row becomes one row per element of its arrays (or bag entries), the items expanded
/// side by side; a null value gives one row, an empty array or bag none. Other columns are repeated.
///
/// The output rows are counted first and charged to the budget before any is built.
struct MvExpandOperator {
    let bound: BoundMvExpand

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var values: [Column] = []
        for item in bound.items { values.append(try evaluator.column(item.value, over: input)) }
        let budget = evaluator.context.budget
        var rows = 0
        let counted = values.map(elementCounts)
        for r in 0..<input.rowCount {
            var n = counted.map { $0?[r] ?? 1 }.max() ?? 0
            if let limit = bound.limit { n = min(n, limit) }
            rows = MemorySize.sum(rows, n)
        }
        // Per output row: the repeated input row, its index, the item index and one slot per item.
        let rowBytes = MemorySize.sum(MemorySize.perRow(input), 16 + 8 * bound.items.count)
        try budget.charge(count: rows, bytesEach: rowBytes)
        var rowIndex: [Int] = []
        var builders = bound.items.map { ColumnBuilder(type: $0.toType, capacity: input.rowCount) }
        var itemIndex = [Int64]()
        // Input and output rows both count towards the next check: one row may expand into millions.
        var steps = 0
        for r in 0..<input.rowCount {
            try budget.checkDeadline(every: &steps)
            let elements = values.map { elementsOf($0.value(r)) }
            var n = elements.map(\.count).max() ?? 0
            if let limit = bound.limit { n = min(n, limit) }
            for k in 0..<n {
                try budget.checkDeadline(every: &steps)
                rowIndex.append(r)
                itemIndex.append(Int64(k))
                for j in elements.indices {
                    let e: Dynamic = k < elements[j].count ? elements[j][k] : .null
                    append(e, to: &builders[j], type: bound.items[j].toType)
                }
            }
        }
        let base = input.gather(rowIndex)
        var fields = base.schema.fields, columns = base.columns
        for (j, item) in bound.items.enumerated() {
            let c = builders[j].finish()
            if let i = item.replaces {
                fields[i] = Field(item.name, c.type); columns[i] = c
            } else {
                fields.append(Field(item.name, c.type)); columns.append(c)
            }
        }
        if let name = bound.itemIndex {
            fields.append(Field(name, .long)); columns.append(Column(int64s: itemIndex))
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: rowIndex.count)
    }

    /// How many rows `elementsOf` gives for each row of a dynamic column, read without boxing; nil for a
    /// column of another type, whose every row gives one.
    private func elementCounts(_ column: Column) -> [Int]? {
        guard case .dynamics(let d)? = column.objects else { return nil }
        return d.map { v in
            switch v {
            case .array(let items): return items.count
            case .bag(let bag): return bag.count
            default: return 1
            }
        }
    }

    private func elementsOf(_ v: Value) -> [Dynamic] {
        let d = v.asDynamic
        switch d {
        case .null: return [.null]
        case .array(let items): return items
        case .bag(let bag):
            return bag.pairs.map { p in
                bound.bagAsArray ? .array([.string(p.key), p.value]) : .bag(PropertyBag([(p.key, p.value)]))
            }
        default: return [d]
        }
    }

    /// Cast-only conversion for `to typeof(t)`: an element of another kind becomes null.
    private func append(_ d: Dynamic, to b: inout ColumnBuilder, type: ScalarType) {
        if type == .dynamic { b.append(dynamic: d); return }
        if let v = Cast.value(.dynamic(d), to: type, mode: .implicit), !v.isNull { b.append(v) } else { b.appendNull() }
    }
}

extension MvExpandOperator: PhysicalOperator {
    var name: String { "mv-expand" }
    /// Each row expands on its own, its elements in place of it.
    var traits: OperatorTraits { .rowWise }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
