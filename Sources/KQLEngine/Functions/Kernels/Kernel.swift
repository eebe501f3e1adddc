import Foundation
import Columnar

/// The one set of helpers that lift a per-row kernel over column and constant arguments and nulls; every
/// function's `evaluate` uses one of them rather than looping itself.
///
/// Every helper computes a constant once when all arguments are constants, and otherwise loops over the
/// typed buffers (`FixedArgument`, `StringArgument`, `FixedColumnWriter` in `KernelArguments.swift`). A null
/// input row gives a null output row unless the helper says otherwise. Pick by argument and result types:
///
/// | kernel shape                         | helper                  |
/// | ------------------------------------ | ----------------------- |
/// | fixed-width → fixed-width            | `unary`, `binary`       |
/// | string → fixed-width / string        | `string`, `string2`, `stringMap` |
/// | row index → bool                     | `rows`                  |
/// | boxed values (dynamic, decimal, ...) | `boxed`, `boxedStrict`  |
///
/// A function that is nothing but its kernel is declared in its family's list instead (`.real`, `.row`
/// in `FunctionDeclaration`), which wraps these helpers. A function with its own type, for example:
///
/// ```swift
/// /// `dayofmonth(d)`: the day of the month of a datetime.
/// struct DayOfMonthFunction: ScalarFunction {
///     let name = "dayofmonth"
///     func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
///         try Signature.check(name, args, [.datetime]); return .int
///     }
///     func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
///         Kernel.unary(args[0], Int64.self, out: .int, rows: context.rowCount) { Int32(DateTimeFormat.civil($0).day) }
///     }
/// }
/// ```
enum Kernel {
    /// `f` applied to each non-null row of a fixed-width argument; `f` returning nil yields null.
    static func unary<A: FixedValue, R: FixedValue>(
        _ a: ColumnarValue, _: A.Type, out: ScalarType, rows: Int, _ f: (A) -> R?
    ) -> ColumnarValue {
        let x = FixedArgument<A>(a)
        if x.isConstant {
            guard let c = x.constant, let r = f(c) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        for i in 0..<rows {
            if x.isNull(i) { w.setNull(i) } else { w.set(i, f(x[i])) }
        }
        return .column(w.finish())
    }

    /// `f` applied to each row where both fixed-width arguments are non-null.
    static func binary<A: FixedValue, B: FixedValue, R: FixedValue>(
        _ a: ColumnarValue, _ b: ColumnarValue, _: A.Type, _: B.Type, out: ScalarType, rows: Int,
        _ f: (A, B) -> R?
    ) -> ColumnarValue {
        let x = FixedArgument<A>(a), y = FixedArgument<B>(b)
        if x.isConstant && y.isConstant {
            guard let c = x.constant, let d = y.constant, let r = f(c, d) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        if x.allNull || y.allNull {
            for i in 0..<rows { w.setNull(i) }
            return .column(w.finish())
        }
        if x.validity == nil && y.validity == nil {
            // Column/constant combinations as separate loops, so each reads its operands straight
            // from the buffers (the usual `value * 2` or `flag != 0` shape).
            if let xb = x.base, let yb = y.base {
                for i in 0..<rows { w.set(i, f(A.load(xb, i), B.load(yb, i))) }
            } else if let xb = x.base, let d = y.constant {
                for i in 0..<rows { w.set(i, f(A.load(xb, i), d)) }
            } else if let yb = y.base, let c = x.constant {
                for i in 0..<rows { w.set(i, f(c, B.load(yb, i))) }
            } else {
                for i in 0..<rows { w.set(i, f(x[i], y[i])) }
            }
        } else {
            for i in 0..<rows {
                if x.isNull(i) || y.isNull(i) { w.setNull(i) } else { w.set(i, f(x[i], y[i])) }
            }
        }
        return .column(w.finish())
    }

    /// Row-wise evaluation over boxed values, for strings, dynamics, decimals and guids, where a
    /// boxed value per row costs little next to the work itself. `f` sees nulls and decides.
    static func boxed(
        _ args: [ColumnarValue], out: ScalarType, rows: Int, _ f: ([Value]) throws(FunctionError) -> Value
    ) throws(FunctionError) -> ColumnarValue {
        if args.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
            // Normalized as the column path's rows are, so a constant and a column agree (a long too
            // big for an int column is null in both).
            return .scalar(BoxedResult.normalize(try f(args.map { $0.value(0) }), to: out), out)
        }
        var b = ColumnBuilder(type: out, capacity: rows)
        var row = [Value](repeating: .null, count: args.count)
        for i in 0..<rows {
            for k in args.indices { row[k] = args[k].value(i) }
            b.append(BoxedResult.normalize(try f(row), to: out))
        }
        return .column(b.finish())
    }

    /// Like `boxed`, but any null argument (a null non-string value) gives null without calling `f`.
    /// Strings are never null in KQL, so a null string argument reads as the empty string.
    static func boxedStrict(
        _ args: [ColumnarValue], out: ScalarType, rows: Int, _ f: ([Value]) throws(FunctionError) -> Value
    ) throws(FunctionError) -> ColumnarValue {
        let types = args.map(\.type)
        return try boxed(args, out: out, rows: rows) { (row: [Value]) throws(FunctionError) -> Value in
            var r = row
            for k in r.indices where r[k].isNull {
                if types[k] == .string { r[k] = .string("") } else { return .null }
            }
            return try f(r)
        }
    }

    /// A fixed-width result per string row.
    static func string<R: FixedValue>(
        _ a: ColumnarValue, out: ScalarType, rows: Int,
        _ f: (String) -> R?
    ) -> ColumnarValue {
        let s = StringArgument(a)
        if s.isConstant {
            guard let r = f(s.constant) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        for i in 0..<rows { w.set(i, f(s.string(i))) }
        return .column(w.finish())
    }

    /// A string result per string row; nil gives the empty string.
    static func stringMap(_ a: ColumnarValue, rows: Int, _ f: (String) -> String?) -> ColumnarValue {
        let s = StringArgument(a)
        if s.isConstant { return .scalar(.string(f(s.constant) ?? ""), .string) }
        var b = ColumnBuilder(type: .string, capacity: rows)
        for i in 0..<rows { b.append(string: f(s.string(i)) ?? "") }
        return .column(b.finish())
    }

    /// A fixed-width result per pair of string rows.
    static func string2<R: FixedValue>(
        _ a: ColumnarValue, _ b: ColumnarValue, out: ScalarType, rows: Int,
        _ f: (String, String) -> R?
    ) -> ColumnarValue {
        let x = StringArgument(a), y = StringArgument(b)
        if x.isConstant && y.isConstant {
            guard let r = f(x.constant, y.constant) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        for i in 0..<rows { w.set(i, f(x.string(i), y.string(i))) }
        return .column(w.finish())
    }

    /// A bool per row from `f(row)`; a constant when every input is constant.
    static func rows(allConstant: Bool, rows: Int, _ f: (Int) -> Bool?) -> ColumnarValue {
        if allConstant { return .scalar(f(0).map(Value.bool) ?? .null, .bool) }
        var w = FixedColumnWriter<Bool>(type: .bool, count: rows)
        for i in 0..<rows { w.set(i, f(i)) }
        return .column(w.finish())
    }
}

/// Conversions of boxed results into the declared result type.
enum BoxedResult {
    /// `v` converted so a `ColumnBuilder` of `type` accepts it (null when it cannot be represented).
    static func normalize(_ v: Value, to type: ScalarType) -> Value {
        if v.isNull { return type == .dynamic ? .dynamic(.null) : .null }
        switch (type, v) {
        case (.int, .long(let x)): return Int32(exactly: x).map(Value.int) ?? .null
        case (.decimal, .decimal(let d)) where d.isNaN: return .null
        case (.bool, .bool), (.int, .int), (.long, .long), (.long, .int), (.real, .real), (.real, .int), (.real, .long),
            (.decimal, _), (.datetime, .datetime), (.timespan, .timespan), (.guid, .guid), (.string, .string),
            (.dynamic, _):
            if type == .decimal, v.type?.isNumeric != true { return .null }
            return v
        case (.string, _): return .string(v.text)
        case (.real, .decimal(let d)): return .real(Numeric.double(d))
        default: return .null
        }
    }
}
