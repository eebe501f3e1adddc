import Columnar

/// `strcat_array(array, delimiter)`: the elements of a dynamic array as text, joined by `delimiter`.
struct StrcatArrayFunction: ScalarFunction {
    let name = "strcat_array"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .string]); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(.array(let items)) = r[0] else { return .string("") }
            return .string(items.map { Value.dynamic($0).text }.joined(separator: r[1].text))
        }
    }
}
