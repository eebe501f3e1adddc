import Columnar

/// `prev(col [, offset [, default]])` / `next(...)`: the value `offset` rows before/after in the
/// serialized input (default offset 1); `default` (or null) past the edge.
struct NeighborFunction: ScalarFunction {
    let name: String
    var needsSerializedInput: Bool { true }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.any, .integer, .any], arity: 1...3)
        if args.count == 3 { return try ResultUnification.unify(name, args, positions: [0, 2]) }
        return args[0].type
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        // The offset is read from the first row; with no rows there is none to read (and nothing to compute).
        let offset = args.count > 1 && n > 0 ? (Numeric.long(args[1].value(0)) ?? 1) : 1
        // Any offset beyond the row count lands past the edge; clamping keeps `i + step` in range.
        let clamped = Int(max(-Int64(n) - 1, min(Int64(n) + 1, offset)))
        let step = name == "prev" ? -clamped : clamped
        let col = try args[0].column(count: n, charging: context.budget)
        if args.count < 3 && out == col.type {
            let idx = (0..<n).map { i in (0..<n).contains(i + step) ? i + step : -1 }
            return .column(col.gather(idx))
        }
        var b = ColumnBuilder(type: out, capacity: n)
        for i in 0..<n {
            let j = i + step
            let v = (0..<n).contains(j) ? col.value(j) : (args.count > 2 ? args[2].value(i) : .null)
            b.append(BoxedResult.normalize(ResultUnification.widen(v, to: out), to: out))
        }
        return .column(b.finish())
    }
}
