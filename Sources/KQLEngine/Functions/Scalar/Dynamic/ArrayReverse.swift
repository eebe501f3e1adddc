import Columnar

extension RowFunction {
    /// `array_reverse(a)`: the elements of `a` in reverse order; null for a non-array.
    static let arrayReverse = RowFunction(name: "array_reverse", arity: 1...1, kinds: [.dynamic], out: .dynamic, strict: false) { r in
        guard let a = array(r[0]) else { return .dynamic(.null) }
        return .dynamic(.array(a.reversed()))
    }
}
