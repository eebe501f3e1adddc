import Foundation

extension RealMathFunction {
    /// `log10(x)`: the base-10 logarithm.
    static let log10 = RealMathFunction(name: "log10") { Foundation.log10($0) }
}
