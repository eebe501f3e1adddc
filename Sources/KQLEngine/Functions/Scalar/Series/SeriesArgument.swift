import Columnar
import SeriesAnalysis

/// Conversions between KQL values and the series library's types, shared by every `series_*` wrapper:
/// each converts its dynamic arguments once, calls one library function and converts the answer back.
enum SeriesArgument {
    /// A dynamic array as a numeric series (non-numeric elements are missing, as every page says);
    /// nil when the value is not an array.
    static func series(_ v: Value) -> NumericSeries? {
        guard case .dynamic(.array(let items)) = v else { return nil }
        return NumericSeries(items.lazy.map(element))
    }

    /// One element of a series.
    static func element(_ d: Dynamic) -> NumericSeries.Element {
        switch d {
        case .long(let x): return .long(x)
        case .real(let x): return .real(x)
        case .decimal(let x): return .real(Numeric.double(x))
        default: return .missing
        }
    }

    /// A scalar argument as a series element (a long stays a long).
    static func element(_ v: Value) -> NumericSeries.Element {
        switch ValueOrder.unwrap(v) {
        case .int(let x): return .long(Int64(x))
        case .long(let x): return .long(x)
        case .real(let x): return .real(x)
        case .decimal(let x): return .real(Numeric.double(x))
        default: return .missing
        }
    }

    /// An operand of an element-wise function: an array, or a number broadcast to every position.
    static func operand(_ v: Value) -> SeriesOperand {
        if let s = series(v) { return .series(s) }
        return .scalar(element(v))
    }

    /// A numeric argument as a double; nil when null or not a number.
    static func double(_ v: Value) -> Double? { Numeric.double(ValueOrder.unwrap(v)) }

    /// An integral argument; nil when null or not a number (a real is truncated).
    static func long(_ v: Value) -> Int64? {
        switch ValueOrder.unwrap(v) {
        case .int(let x): return Int64(x)
        case .long(let x): return x
        case .real(let x): return x.isFinite ? Int64(exactly: x.rounded(.towardZero)) : nil
        case .decimal(let x): return Int64(exactly: Numeric.double(x).rounded(.towardZero))
        default: return nil
        }
    }

    /// A bool argument; nil when null.
    static func bool(_ v: Value) -> Bool? {
        if case .bool(let b) = ValueOrder.unwrap(v) { return b }
        return nil
    }

    /// A string argument; nil when null or not a string.
    static func string(_ v: Value) -> String? {
        if case .string(let s) = ValueOrder.unwrap(v) { return s }
        return nil
    }

    /// The numbers of a dynamic array, missing elements as NaN (filter coefficients, periods).
    static func doubles(_ v: Value) -> [Double]? {
        series(v)?.values
    }

    /// A series as a KQL dynamic array: longs stay longs, missing elements are null.
    static func dynamic(_ s: NumericSeries) -> Value {
        .dynamic(
            .array(
                s.elements.map { e -> Dynamic in
                    switch e {
                    case .missing: return .null
                    case .long(let x): return .long(x)
                    case .real(let x): return .real(x)
                    }
                }))
    }

    /// Reals as a dynamic array.
    static func reals(_ xs: [Double]) -> Value { .dynamic(.array(xs.map { .real($0) })) }

    /// Reals as a dynamic array, nil elements null.
    static func reals(_ xs: [Double?]) -> Value { .dynamic(.array(xs.map { $0.map(Dynamic.real) ?? .null })) }

    /// Longs as a dynamic array.
    static func longs(_ xs: [Int64]) -> Value { .dynamic(.array(xs.map { .long($0) })) }

    /// A real result; null for nil.
    static func real(_ x: Double?) -> Value { x.map(Value.real) ?? .null }

    /// Runs a library call, turning its error into the function's.
    static func run<T>(_ body: () throws(SeriesAnalysisError) -> T) throws(FunctionError) -> T {
        do { return try body() } catch { throw FunctionError(error.code, error.message, hint: error.hint) }
    }
}

/// One row's arguments: an argument left out reads as null, and `given` tells it from a written null.
struct SeriesRow {
    let values: [Value]
    subscript(_ i: Int) -> Value { i < values.count ? values[i] : .null }
    /// True when argument `i` was written (even as a null).
    func given(_ i: Int) -> Bool { i < values.count }
    var count: Int { values.count }
}

/// A `series_*` function evaluated row by row over boxed values: the shape of every series wrapper,
/// whose work per row (a whole array) dwarfs the boxing.
struct SeriesFunction: SummarizedFunction {
    let name: String
    /// One sentence on what the function computes, for the function list.
    let summary: String
    let arity: ClosedRange<Int>
    let kinds: [ArgumentKind]
    let out: ScalarType
    let f: @Sendable (SeriesRow) throws(FunctionError) -> Value

    init(
        _ name: String, _ summary: String, arity: ClosedRange<Int>, kinds: [ArgumentKind], out: ScalarType = .dynamic,
        _ f: @escaping @Sendable (SeriesRow) throws(FunctionError) -> Value
    ) {
        self.name = name; self.summary = summary; self.arity = arity; self.kinds = kinds; self.out = out; self.f = f
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, kinds, arity: arity)
        return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let f = self.f
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            try f(SeriesRow(values: r))
        }
    }
}

/// A multi-column `series_*` function (`series_fit_line`, `series_stats`, ...) evaluated row by row.
struct SeriesMultiFunction: MultiColumnFunction, SummarizedFunction {
    let name: String
    /// One sentence on what the function computes, for the function list.
    let summary: String
    let arity: ClosedRange<Int>
    let kinds: [ArgumentKind]
    let columns: [Field]
    let f: @Sendable (SeriesRow) throws(FunctionError) -> [Value]

    init(
        _ name: String, _ summary: String, arity: ClosedRange<Int>, kinds: [ArgumentKind], columns: [Field],
        _ f: @escaping @Sendable (SeriesRow) throws(FunctionError) -> [Value]
    ) {
        self.name = name; self.summary = summary; self.arity = arity; self.kinds = kinds; self.columns = columns;
        self.f = f
    }

    func components(_ args: [ArgumentInfo]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, kinds, arity: arity)
        return columns
    }

    func row(_ args: [Value]) throws(FunctionError) -> [Value] {
        try f(SeriesRow(values: args))
    }
}
