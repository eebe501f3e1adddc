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
            if case .bool(true) = v { keep = true } else if case .dynamic(.bool(true)) = v { keep = true } else { keep = false }
            return keep ? output : output.gather([])
        case .column(let c):
            return output.gather(FilterOperator.selected(c))
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
