import Columnar

/// `array_slice(a, start, end)`: elements `start` through `end` inclusive (negative indices count
/// from the end); an empty array when the range is empty.
struct ArraySliceFunction: ScalarFunction {
    let name = "array_slice"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .integer, .integer]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(.array(let a)) = r[0], var s = Numeric.long(r[1]), var e = Numeric.long(r[2]) else {
                return .dynamic(.null)
            }
            let n = Int64(a.count)
            if s < 0 { s += n }
            if e < 0 { e += n }
            s = max(0, s); e = min(n - 1, e)
            guard s <= e else { return .dynamic(.array([])) }
            return .dynamic(.array(Array(a[Int(s)...Int(e)])))
        }
    }
}
