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
