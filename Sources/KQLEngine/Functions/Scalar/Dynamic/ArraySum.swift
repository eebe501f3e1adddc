import Columnar

extension RowFunction {
    /// `array_sum(a)`: the sum of the numeric elements as a real; non-numeric elements are skipped.
    static let arraySum = RowFunction(name: "array_sum", arity: 1...1, kinds: [.dynamic], out: .real, strict: false) { r in
        guard let a = array(r[0]) else { return .null }
        var sum = 0.0
        for x in a { if let d = Numeric.double(ValueOrder.unwrap(.dynamic(x))) { sum += d } }
        return .real(sum)
    }
}
