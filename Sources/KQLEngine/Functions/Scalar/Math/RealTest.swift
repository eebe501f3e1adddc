import Columnar

/// `isnan(x)` / `isinf(x)`: whether a real is NaN / infinite (false for null).
struct RealTestFunction: ScalarFunction {
    let name: String
    let test: @Sendable (Double) -> Bool
    static let isnan = RealTestFunction(name: "isnan") { $0.isNaN }
    static let isinf = RealTestFunction(name: "isinf") { $0.isInfinite }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number]); return .bool
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let x = FixedArgument<Double>(Numeric.cast(args[0], to: .real, rows: n))
        let test = self.test
        return Kernel.rows(allConstant: x.isConstant, rows: n) { i in x.isNull(i) ? false : test(x[i]) }
    }
}
