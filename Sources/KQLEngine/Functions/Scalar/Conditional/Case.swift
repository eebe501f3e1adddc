import Columnar

/// `case(p1, v1, p2, v2, ..., else)`: the value after the first true predicate, or `else`.
/// Needs an odd number of arguments, at least three.
struct CaseFunction: ScalarFunction {
    let name = "case"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        guard args.count >= 3, args.count % 2 == 1 else {
            throw FunctionError(
                .type,
                "case() expects predicate/value pairs followed by an else value (an odd number of arguments, at least 3), got \(args.count)"
            )
        }
        for i in stride(from: 0, to: args.count - 1, by: 2) { try Signature.expect(name, args, i, .bool) }
        return try ResultUnification.unify(
            name, args, positions: Array(stride(from: 1, to: args.count, by: 2)) + [args.count - 1])
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in
            for i in stride(from: 0, to: r.count - 1, by: 2) where ValueOrder.unwrap(r[i]) == .bool(true) {
                return ResultUnification.widen(r[i + 1], to: out)
            }
            return ResultUnification.widen(r[r.count - 1], to: out)
        }
    }
}
