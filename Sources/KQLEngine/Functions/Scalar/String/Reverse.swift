import Columnar

/// `reverse(s)`: the characters of `s` in reverse order (non-strings are converted with `tostring`).
struct ReverseFunction: ScalarFunction {
    let name = "reverse"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        if args[0].type == .datetime {
            // A datetime is reversed in its seven-fraction-digit form, as ADX does.
            return try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
                r[0].isNull ? .string("") : .string(String(r[0].digestText.reversed()))
            }
        }
        return Kernel.stringMap(args[0], rows: context.rowCount) { String($0.reversed()) }
    }
}
