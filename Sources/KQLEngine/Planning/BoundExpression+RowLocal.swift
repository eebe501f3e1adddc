extension BoundExpression {
    /// Whether the expression's value for a row depends on that row alone: no window function
    /// (`row_number`, `prev`, `next`, `row_cumsum`, ...) anywhere in it. What decides whether an
    /// operator over it may run on slices of its input (``OperatorTraits/parallelSafe``).
    var readsOnlyItsRow: Bool {
        switch self {
        case .column, .constant: return true
        case .call(let f, let args, _, _, _): return !f.needsSerializedInput && args.allSatisfy(\.readsOnlyItsRow)
        }
    }
}

extension BoundExpression {
    /// Whether the expression may be evaluated over morsels of a table, each on its own, and give the
    /// same values as over the whole table: it reads only its row and every function in it is
    /// deterministic (`rand()` draws a sequence over the rows it is given, so it stays whole).
    var isMorselSafe: Bool {
        switch self {
        case .column, .constant: return true
        case .call(let f, let args, _, _, _):
            return f.isDeterministic && !f.needsSerializedInput && args.allSatisfy(\.isMorselSafe)
        }
    }
}
