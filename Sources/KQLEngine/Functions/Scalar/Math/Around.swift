import Columnar

/// `around(value, center, delta)`: whether `value` lies in [center − delta, center + delta], bounds
/// included. Numbers compare as longs when all three are integers and as reals otherwise; a datetime or
/// timespan `value` takes a timespan `delta`. Null when any argument is null.
struct AroundFunction: ScalarFunction {
    let name = "around"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        let kind = ArgumentKind.oneOf(
            [.int, .long, .real, .decimal, .datetime, .timespan], "a number, datetime or timespan")
        try Signature.check(name, args, [kind, kind, kind])
        return .bool
    }

    static func within(_ v: Value, _ c: Value, _ d: Value) -> Bool? {
        switch (ValueOrder.unwrap(v), ValueOrder.unwrap(c), ValueOrder.unwrap(d)) {
        case (.datetime(let x), .datetime(let m), .timespan(let e)),
            (.timespan(let x), .timespan(let m), .timespan(let e)):
            return inRange(x, m, e)
        case (let x, let m, let e):
            if let a = integer(x), let b = integer(m), let k = integer(e) { return inRange(a, b, k) }
            guard let a = Numeric.double(x), let b = Numeric.double(m), let k = Numeric.double(e) else { return nil }
            return a >= b - k && a <= b + k
        }
    }

    private static func integer(_ v: Value) -> Int64? {
        switch v {
        case .int(let x): return Int64(x)
        case .long(let x), .dynamic(.long(let x)): return x
        default: return nil
        }
    }

    /// Bounds that overflow are open on that side (a range reaching past the long range holds every long there).
    private static func inRange(_ x: Int64, _ m: Int64, _ e: Int64) -> Bool {
        let low = CheckedMath.subtract(m, e) ?? (e > 0 ? Int64.min : Int64.max)
        let high = CheckedMath.add(m, e) ?? (e > 0 ? Int64.max : Int64.min)
        return x >= low && x <= high
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .bool, rows: context.rowCount) { (r: [Value]) -> Value in
            if r.contains(where: \.isNull) { return .null }
            return Self.within(r[0], r[1], r[2]).map(Value.bool) ?? .null
        }
    }
}
