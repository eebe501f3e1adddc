import Foundation
import Columnar

/// Generic helpers that lift a per-row kernel over column and constant arguments and nulls.
///
/// Every helper computes a constant once when all arguments are constants, and otherwise loops
/// over the typed buffers. A null input row gives a null output row unless the helper says otherwise.
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
