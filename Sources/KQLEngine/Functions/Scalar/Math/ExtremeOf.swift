import Columnar

/// `min_of(a, b, ...)` / `max_of(a, b, ...)`: the smallest/largest argument, ignoring nulls
/// (null only when all are null). Arguments share one type (numbers widen).
struct ExtremeOfFunction: ScalarFunction {
    let name: String
    let isMax: Bool
    static let minOf = ExtremeOfFunction(name: "min_of", isMax: false)
    static let maxOf = ExtremeOfFunction(name: "max_of", isMax: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...64)
        return try ResultUnification.unify(name, args, positions: Array(args.indices))
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        let isMax = self.isMax
        return try Kernel.boxed(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in
            var best: Value = .null
            for v in r where !v.isNull {
                if best.isNull { best = v; continue }
                if let c = ValueOrder.compare(v, best), isMax ? c > 0 : c < 0 { best = v }
            }
            return ResultUnification.widen(best, to: out)
        }
    }
}
