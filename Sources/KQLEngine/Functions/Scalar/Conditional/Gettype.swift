import Columnar

/// `gettype(x)`: the runtime type name of `x` ("long", "string", "array", "dictionary", ...;
/// "null" for a null value).
struct GettypeFunction: ScalarFunction {
    let name = "gettype"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let t = args[0].type
        return try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            if t == .string { return .string("string") }
            if case .dynamic(let d) = r[0] { return .string(d.typeName) }
            if r[0].isNull { return .string("null") }
            return .string(t.rawValue)
        }
    }
}
