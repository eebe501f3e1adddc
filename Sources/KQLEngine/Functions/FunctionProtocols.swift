import Columnar
import KQLSyntax

/// An argument or result of a scalar function: a whole column, or one value standing for every row.
///
/// Constants stay scalar so kernels can skip broadcasting (`strlen("abc")` is computed once).
public enum ColumnarValue: Sendable {
    case column(Column)
    case scalar(Value, ScalarType)

    public var type: ScalarType {
        switch self {
        case .column(let c): return c.type
        case .scalar(_, let t): return t
        }
    }

    /// Row `i` boxed (the same value for every row of a scalar).
    public func value(_ i: Int) -> Value {
        switch self {
        case .column(let c): return c.value(i)
        case .scalar(let v, _): return v
        }
    }

    /// The value as a column of `count` rows.
    public func column(count: Int) -> Column {
        switch self {
        case .column(let c): return c
        case .scalar(let v, let t): return Column(repeating: v, type: t, count: count)
        }
    }

    /// The value as a column of `count` rows, a constant's copies charged to `budget` before they are made
    /// (a large constant repeated over many rows is the one allocation no function call charged).
    public func column(count: Int, charging budget: QueryBudget) throws(FunctionError) -> Column {
        if case .scalar(let v, let t) = self {
            let perRow: Int
            switch t {
            case .string: perRow = MemorySize.sum(8, MemorySize.of(v))
            case .dynamic, .decimal: perRow = MemoryLayout<Dynamic>.stride
            default: perRow = t.fixedWidth ?? 8
            }
            try budget.chargeValue(MemorySize.product(perRow, count), for: "a constant repeated on \(count) rows")
        }
        return column(count: count)
    }
}

/// What a function call can see besides its arguments.
public struct FunctionContext: Sendable {
    /// `now()` for the whole query (KQL evaluates it once per query), in nanoseconds since the epoch.
    public var now: Int64
    /// Rows in the batch being evaluated (the length of every column argument).
    public var rowCount: Int
    /// Seed for `rand()`; fixed per query so a re-run of the same batch is reproducible.
    public var randomSeed: UInt64
    /// The statement's memory and time budget: functions that build large values charge it first.
    public var budget: QueryBudget
    /// The name of the database the query runs against (`current_database()`).
    public var databaseName: String

    public init(
        now: Int64, rowCount: Int, randomSeed: UInt64 = 0, budget: QueryBudget = .unlimited,
        databaseName: String = "Sandpiper"
    ) {
        self.now = now; self.rowCount = rowCount; self.randomSeed = randomSeed; self.budget = budget
        self.databaseName = databaseName
    }
}

/// A user-caused failure inside a function: bad argument type or value. The binder adds the call's span.
public struct FunctionError: CodedError {
    public var code: ErrorCode
    public var message: String
    /// Which argument (0-based) is at fault, when one is.
    public var argument: Int?
    /// What to do about it, when the message alone does not say.
    public var hint: String?
    public init(_ code: ErrorCode = .type, _ message: String, argument: Int? = nil, hint: String? = nil) {
        self.code = code; self.message = message; self.argument = argument; self.hint = hint
    }

    /// Cancellation and the time limit stop the whole query, not the call: their message names no function.
    var stopsQuery: Bool { code == .cancelled || code == .queryTimeout }
}

/// What the binder knows about an argument before anything runs.
public struct ArgumentInfo: Sendable {
    public var type: ScalarType
    /// The value, when the argument is a constant (literals and constant-folded expressions).
    public var constant: Value?
    /// The column name when the argument is a plain column reference (aggregate result naming uses it).
    public var columnName: String?
    public init(type: ScalarType, constant: Value? = nil, columnName: String? = nil) {
        self.type = type; self.constant = constant; self.columnName = columnName
    }
}

/// A scalar function: one result row per input row (KQL's row-position functions such as
/// `row_number` and `prev` see the whole serialized batch, which is why kernels get columns).
public protocol ScalarFunction: Sendable {
    /// The KQL name, lower-case as documented (`strlen`, `datetime_add`).
    var name: String { get }
    /// The result type for these arguments, or a `FunctionError` saying which argument is wrong.
    func returnType(_ arguments: [ArgumentInfo]) throws(FunctionError) -> ScalarType
    /// Evaluates over a batch. Every `.column` argument has `context.rowCount` rows.
    func evaluate(_ arguments: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue
    /// True for functions whose result depends on row order (`row_number`, `prev`, `next`, `row_cumsum`):
    /// the binder requires serialized input for them.
    var needsSerializedInput: Bool { get }
    /// False for `rand()` and `now()`-like functions that must not be constant-folded per row group.
    var isDeterministic: Bool { get }
}

extension ScalarFunction {
    public var needsSerializedInput: Bool { false }
    public var isDeterministic: Bool { true }
}

/// Rows grouped for aggregation: `groupIDs[row]` is the group of each input row, in `0..<groupCount`.
public struct GroupIndex: Sendable {
    public var groupIDs: [Int32]
    public var groupCount: Int
    public init(groupIDs: [Int32], groupCount: Int) { self.groupIDs = groupIDs; self.groupCount = groupCount }

    /// Every row in one group (summarize without `by`). An empty input still has one group.
    public static func single(rowCount: Int) -> GroupIndex {
        GroupIndex(groupIDs: [Int32](repeating: 0, count: rowCount), groupCount: 1)
    }
}

/// An aggregate function for `summarize` (and `make-series`-like operators later).
public protocol AggregateFunction: Sendable {
    var name: String { get }
    /// The output columns: usually one (`sum_x`), several for `percentiles` and `arg_max(x, *)`-like
    /// aggregates. Names follow KQL: `count_`, `sum_x`, `percentile_x_50`; `star` lists the input's
    /// other columns when a `*` argument was written (the binder passes them).
    func outputColumns(_ arguments: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field]
    /// One row per group for each output column. `star` carries the input's columns for `*` arguments.
    func aggregate(
        _ arguments: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column]
}
