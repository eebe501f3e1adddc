import Columnar

extension RowFunction {
    /// `bag_remove_keys(bag, keys)`: the bag without the keys (or paths) of the array `keys`.
    static let bagRemoveKeys = RowFunction(name: "bag_remove_keys", arity: 2...2, kinds: [.dynamic, .dynamic],
                                                    out: .dynamic, strict: false) { r in
        guard case .dynamic(.bag) = r[0], let keys = array(r[1]) else { return .dynamic(.null) }
        var d = r[0].asDynamic
        for k in keys { d = updating(d, path(Value.dynamic(k).text)[...], with: nil) }
        return .dynamic(d)
    }
}
