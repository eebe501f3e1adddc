import Columnar

/// `sign(x)`: -1, 0 or 1 by the sign of `x`, as a real (NaN stays NaN).
struct SignFunction: ScalarFunction {
    let name = "sign"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number]); return .real
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        return Kernel.unary(Numeric.cast(args[0], to: .real, rows: n), Double.self, out: .real, rows: n) { x in
            x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0))
        }
    }
}
