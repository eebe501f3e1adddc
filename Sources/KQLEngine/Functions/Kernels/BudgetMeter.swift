import Columnar

/// Charges the values a function builds to the statement's budget in batches: each value's size is
/// added before the value is built, and the sum is charged once it reaches a megabyte (so a value of a
/// megabyte or more is checked before it exists, and small ones cost no lock each).
///
/// What is charged is the column the values end up in plus the largest value once more: each value is
/// copied into its column (or a constant into every row) while it still exists, so at the peak the
/// column and one value live side by side.
struct BudgetMeter {
    let budget: QueryBudget
    private var pending = 0
    private var largest = 0
    static let batch = 1 << 20

    init(_ context: FunctionContext) { budget = context.budget }

    /// Adds a value of `bytes` about to be built.
    mutating func add(_ bytes: Int) throws(FunctionError) {
        pending = MemorySize.sum(pending, bytes)
        if bytes > largest {
            pending = MemorySize.sum(pending, bytes - largest)
            largest = bytes
        }
        if pending >= Self.batch { try flush() }
    }

    /// Charges what is pending (call after the last value).
    mutating func flush() throws(FunctionError) {
        guard pending > 0 else { return }
        let bytes = pending
        pending = 0
        try budget.chargeValue(bytes)
    }

    /// The length of a value's text, estimated without building it: a string's bytes, a dynamic value's
    /// size, and at most 64 bytes for the other scalars (a guid is 36, a datetime 28).
    static func textLength(_ v: Value) -> Int {
        switch v {
        case .string(let s): return s.utf8.count
        case .dynamic(let d): return MemorySize.deep(d)
        case .null: return 0
        default: return 64
        }
    }
}
