import Columnar

/// `array_concat(a1, a2, ...)`: the arrays joined; null when any argument is not an array.
struct ArrayConcatFunction: ScalarFunction {
    let name = "array_concat"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic], arity: 1...64); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var out: [Dynamic] = []
            for v in r {
                guard case .dynamic(.array(let a)) = v else { return .dynamic(.null) }
                out += a
            }
            return .dynamic(.array(out))
        }
    }
}
