import Foundation

extension RealMathFunction {
    /// `log2(x)`: the base-2 logarithm.
    static let log2 = RealMathFunction(name: "log2") { Foundation.log2($0) }
}
