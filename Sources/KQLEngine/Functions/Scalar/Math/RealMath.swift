import Columnar
import Foundation

/// One-argument real functions (`sqrt`, `exp`, `log`, `log10`, `log2`, `ceiling`): the argument is
/// widened to real and the result follows IEEE (e.g. `sqrt(-1)` is NaN, `log(0)` is -inf).
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
