import Columnar

/// `array_length(a)`: the number of elements of a dynamic array; null when `a` is not an array.
struct ArrayLengthFunction: ScalarFunction {
    let name = "array_length"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic]); return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(.array(let a)) = r[0] else { return .null }
            return .long(Int64(a.count))
        }
    }
}
