import Columnar

/// `strcat(a1, ..., aN)`: the arguments (1 to 64, any type, converted with `tostring`) joined.
struct StrcatFunction: ScalarFunction {
    let name = "strcat"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...64); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            .string(r.reduce(into: "") { $0 += $1.text })
        }
    }
}
