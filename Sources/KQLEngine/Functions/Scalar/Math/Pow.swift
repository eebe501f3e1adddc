import Columnar
import Foundation

/// `pow(base, exponent)`: `base` raised to `exponent`, as a real.
struct PowFunction: ScalarFunction {
    let name = "pow"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .number]); return .real
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        return Kernel.binary(
            Numeric.cast(args[0], to: .real, rows: n), Numeric.cast(args[1], to: .real, rows: n),
            Double.self, Double.self, out: .real, rows: n
        ) { Foundation.pow($0, $1) }
    }
}
