import Foundation

extension RealMathFunction {
    /// `sqrt(x)`: the square root (NaN for a negative `x`).
    static let sqrt = RealMathFunction(name: "sqrt") { Foundation.sqrt($0) }
}
