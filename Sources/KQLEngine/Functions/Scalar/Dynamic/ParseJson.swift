import Columnar

/// `parse_json(s)` / `todynamic(s)`: JSON text as a dynamic value; text that is not valid JSON
/// stays a dynamic string; a dynamic argument is returned as is.
struct ParseJsonFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        if args[0].type == .dynamic { return args[0] }
        let isString = args[0].type == .string
        return try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard isString else { return .dynamic(r[0].asDynamic) }
            let s = r[0].text
            if s.isEmpty { return .dynamic(.null) }
            return .dynamic((try? Dynamic.parseJSON(s)) ?? .string(s))
        }
    }
}
