import Columnar

/// `strcat_delim(delimiter, a1, a2, ...)`: two to 64 values (any type, as text) joined by `delimiter`.
struct StrcatDelimFunction: ScalarFunction {
    let name = "strcat_delim"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 3...65)
        try Signature.expect(name, args, 0, .string)
        return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            .string(r.dropFirst().map(\.text).joined(separator: r[0].text))
        }
    }
}
