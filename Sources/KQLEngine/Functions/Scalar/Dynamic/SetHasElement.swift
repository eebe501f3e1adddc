import Columnar

extension RowFunction {
    /// `set_has_element(a, v)`: whether array `a` holds `v`.
    static let setHasElement = RowFunction(name: "set_has_element", arity: 2...2, kinds: [.dynamic, .any], out: .bool, strict: false) { r in
        guard let a = array(r[0]) else { return .null }
        return .bool(a.contains { ValueOrder.equal(.dynamic($0), r[1]) == true })
    }
}
