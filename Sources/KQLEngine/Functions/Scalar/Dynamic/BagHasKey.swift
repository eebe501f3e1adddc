import Columnar

extension RowFunction {
    /// `bag_has_key(bag, key)`: whether the key (or `$.a.b` path) exists in the bag.
    static let bagHasKey = RowFunction(name: "bag_has_key", arity: 2...2, kinds: [.dynamic, .string], out: .bool, strict: false) { r in
        guard case .dynamic(.bag) = r[0] else { return .null }
        var d: Dynamic = r[0].asDynamic
        for k in path(r[1].text) {
            guard let next = d[key: k] else { return .bool(false) }
            d = next
        }
        return .bool(true)
    }
}
