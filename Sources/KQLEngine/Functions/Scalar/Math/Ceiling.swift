import Foundation

extension RealMathFunction {
    /// `ceiling(x)`: the smallest integral value not less than `x`, as a real.
    static let ceiling = RealMathFunction(name: "ceiling") { Foundation.ceil($0) }
}
