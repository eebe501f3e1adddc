import Columnar

/// `pack_array(v1, v2, ...)`: a dynamic array of the values.
struct PackArrayFunction: ScalarFunction {
    let name = "pack_array"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...64); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            .dynamic(.array(r.map(\.asDynamic)))
        }
    }
}
