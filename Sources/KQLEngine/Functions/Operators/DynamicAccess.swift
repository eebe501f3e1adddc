import Columnar

/// `d.key` / `d['key']`: the value of a property of a dynamic bag (null when absent or not a bag).
struct DynamicMemberAccess: ScalarFunction {
    let name = "dynamic_member"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .string])
        return .dynamic
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(let d) = r[0] else { return .dynamic(.null) }
            return .dynamic(d[key: r[1].text] ?? .null)
        }
    }
}

/// `d[i]` (array element; negative counts from the end) or `d['key']`: null when out of range.
struct DynamicIndexAccess: ScalarFunction {
    let name = "dynamic_index"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .oneOf([.int, .long, .string], "an index (int, long or string)")])
        return .dynamic
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(let d) = r[0] else { return .dynamic(.null) }
            switch ValueOrder.unwrap(r[1]) {
            case .string(let k): return .dynamic(d[key: k] ?? .null)
            case .int(let i): return .dynamic(d[index: Int(i)] ?? .null)
            case .long(let i): return .dynamic(d[index: Int(i)] ?? .null)
            default: return .dynamic(.null)
            }
        }
    }
}
