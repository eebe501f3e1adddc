import Columnar

/// `coalesce(a, b, ...)`: the first argument that is not null (for strings, not empty).
struct CoalesceFunction: ScalarFunction {
    let name = "coalesce"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...64)
        return try ResultUnification.unify(name, args, positions: Array(args.indices))
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in
            for v in r where !v.isNull && v != .string("") { return ResultUnification.widen(v, to: out) }
            return out == .string ? .string("") : .null
        }
    }
}
