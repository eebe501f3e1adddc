import Columnar
import Foundation

/// A one-argument real function (`sqrt`, `exp`, `cos`, ...; declared with `.real` in `MathFunctions`): the
/// argument is widened to real and the result follows IEEE (e.g. `sqrt(-1)` is NaN, `log(0)` is -inf).
struct RealMathFunction: ScalarFunction {
    let name: String
    let f: @Sendable (Double) -> Double

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number]); return .real
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let x = Numeric.cast(args[0], to: .real, rows: context.rowCount)
        return Kernel.unary(x, Double.self, out: .real, rows: context.rowCount, f)
    }
}

/// A test on a real (`isnan`, `isinf`, `isfinite`): the argument is widened to real; a null row gives false.
struct RealTestFunction: ScalarFunction {
    let name: String
    let test: @Sendable (Double) -> Bool

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
