import Columnar
import KQLSyntax

/// `where`: keeps the rows whose predicate is true; null and false drop the row. Order is preserved.
struct FilterOperator {
    let bound: BoundWhere

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let value = try evaluator.evaluate(bound.predicate, over: input)
        // Columns only the predicate reads are not copied.
        let output = bound.outputColumns.map { ColumnPruning.keep($0, of: input) } ?? input
        switch value {
        case .scalar(let v, _):
            let keep: Bool
            if case .bool(true) = v {
                keep = true
            } else if case .dynamic(.bool(true)) = v {
                keep = true
            } else {
                keep = false
            }
            return keep ? output : output.gather([])
        case .column(let c) where c.type == .bool:
            return FilterOperator.compact(output, by: c)
        case .column(let c):
            return output.gather(FilterOperator.selected(c))
        }
    }

    /// The rows of `table` where a bool column is true (not false, not null), compacted column by
    /// column straight from the predicate's bytes: no index array is built for fixed-width columns.
    static func compact(_ table: Table, by c: Column) -> Table {
        let n = c.count
        var mask = c.bools
        var owned: [UInt8] = []
        if let validity = c.validity {
            // A null row may hold any byte: fold the bitmap into a mask of our own.
            let v = validity.pointer
            owned = [UInt8](unsafeUninitializedCapacity: n) { buf, made in
                for i in 0..<n { buf[i] = mask[i] != 0 && Validity.isValid(v, i) ? 1 : 0 }
                made = n
            }
        }
        return owned.withUnsafeBufferPointer { o -> Table in
            if c.validity != nil { mask = o }
            var selected = 0
            // At most n, an Int: `&+=` keeps the loop branch-free and cannot wrap.
            for i in 0..<n { selected &+= mask[i] != 0 ? 1 : 0 }
            if selected == n { return table }
            var out = Table(
                schema: table.schema, columns: table.columns.map { $0.compact(mask: mask, selected: selected) },
                rowCount: selected)
            out.visualization = table.visualization
            return out
        }
    }

    /// Indices of the rows where a bool (or dynamic) column is true.
    static func selected(_ c: Column) -> [Int] {
        var idx: [Int] = []
        let n = c.count
        if c.type == .dynamic {
            for i in 0..<n where c.value(i) == .dynamic(.bool(true)) { idx.append(i) }
            return idx
        }
        let b = c.bools
        var count = 0
        for i in 0..<n where b[i] != 0 { count += 1 }
        idx.reserveCapacity(count)
        if let validity = c.validity {
            let v = validity.pointer
            for i in 0..<n where b[i] != 0 && Validity.isValid(v, i) { idx.append(i) }
        } else {
            for i in 0..<n where b[i] != 0 { idx.append(i) }
        }
        return idx
    }
}

extension FilterOperator: PhysicalOperator {
    var name: String { "where" }
    /// Row by row unless the predicate reads neighbouring rows (`row_number`, `prev`, ...).
    var traits: OperatorTraits { bound.predicate.readsOnlyItsRow ? .rowWise : .preservesOrder }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
