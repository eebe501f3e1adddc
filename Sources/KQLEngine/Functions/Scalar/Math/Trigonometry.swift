import Columnar
import Foundation

extension RealMathFunction {
    /// Trigonometric functions on radians; out-of-domain arguments give NaN (IEEE).
    static let cos = RealMathFunction(name: "cos") { Foundation.cos($0) }
    static let sin = RealMathFunction(name: "sin") { Foundation.sin($0) }
    static let tan = RealMathFunction(name: "tan") { Foundation.tan($0) }
    static let acos = RealMathFunction(name: "acos") { Foundation.acos($0) }
    static let asin = RealMathFunction(name: "asin") { Foundation.asin($0) }
    static let atan = RealMathFunction(name: "atan") { Foundation.atan($0) }
    static let cot = RealMathFunction(name: "cot") { 1 / Foundation.tan($0) }
    /// `degrees(r)` / `radians(d)`: angle unit conversions.
    static let degrees = RealMathFunction(name: "degrees") { $0 * 180 / Double.pi }
    static let radians = RealMathFunction(name: "radians") { $0 * Double.pi / 180 }
    /// `exp2(x)` = 2^x, `exp10(x)` = 10^x.
    static let exp2 = RealMathFunction(name: "exp2") { Foundation.exp2($0) }
    static let exp10 = RealMathFunction(name: "exp10") { Foundation.pow(10, $0) }
    /// `gamma(x)` and `loggamma(x)` (the natural log of the absolute value of gamma).
    static let gamma = RealMathFunction(name: "gamma") { Foundation.tgamma($0) }
    static let loggamma = RealMathFunction(name: "loggamma") { Foundation.lgamma($0) }
}

extension RealTestFunction {
    /// `isfinite(x)`: neither NaN nor infinite.
    static let isfinite = RealTestFunction(name: "isfinite") { $0.isFinite }
}

/// `atan2(y, x)`: the angle of the point (x, y) from the positive x axis, in radians.
struct Atan2Function: ScalarFunction {
    let name = "atan2"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .number]); return .real
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .real, rows: context.rowCount) { (r: [Value]) -> Value in
            guard let y = Numeric.double(r[0]), let x = Numeric.double(r[1]) else { return .null }
            return .real(Foundation.atan2(y, x))
        }
    }
}

/// `pi()`: the constant π.
struct PiFunction: ScalarFunction {
    let name = "pi"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 0...0); return .real
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        .scalar(.real(Double.pi), .real)
    }
}
