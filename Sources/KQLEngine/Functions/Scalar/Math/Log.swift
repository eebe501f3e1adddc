import Foundation

extension RealMathFunction {
    /// `log(x)`: the natural logarithm.
    static let log = RealMathFunction(name: "log") { Foundation.log($0) }
}
