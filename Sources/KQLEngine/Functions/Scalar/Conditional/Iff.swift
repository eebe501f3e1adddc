import Columnar

/// `iff(condition, then, else)` / `iif`: `then` where the condition is true, else `else` (a null
/// condition counts as false).
struct IffFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 3...3)
        try Signature.expect(name, args, 0, .bool)
        return try ResultUnification.unify(name, args, positions: [1, 2])
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        let n = context.rowCount
        let cond = BoolView(args[0])
        if out == args[1].type && out == args[2].type, let w = out.fixedWidth, w == 8, out != .real {
            // Fast path for long/datetime/timespan branches.
            let x = FixedArgument<Int64>(args[1]), y = FixedArgument<Int64>(args[2])
            if cond.isConstant && x.isConstant && y.isConstant { return cond.get(0) == true ? args[1] : args[2] }
            var wr = FixedColumnWriter<Int64>(type: out, count: n)
            for i in 0..<n {
                let pick = cond.get(i) == true ? x : y
                if pick.isNull(i) { wr.setNull(i) } else { wr.set(i, pick[i]) }
            }
            return .column(wr.finish())
        }
        return try Kernel.boxed(args, out: out, rows: n) { (r: [Value]) -> Value in
            let c = ValueOrder.unwrap(r[0])
            return ResultUnification.widen(c == .bool(true) ? r[1] : r[2], to: out)
        }
    }
}
