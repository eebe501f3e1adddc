import Columnar

/// `strlen(s)`: the number of Unicode characters (scalars) in `s`.
struct StrlenFunction: ScalarFunction {
    let name = "strlen"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        Kernel.string(args[0], out: .long, rows: context.rowCount) { Int64($0.unicodeScalars.count) }
    }
}
