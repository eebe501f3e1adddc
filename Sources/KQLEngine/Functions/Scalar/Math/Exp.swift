import Foundation

extension RealMathFunction {
    /// `exp(x)`: e raised to `x`.
    static let exp = RealMathFunction(name: "exp") { Foundation.exp($0) }
}
