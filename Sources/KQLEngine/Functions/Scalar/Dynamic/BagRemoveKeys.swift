import Columnar

extension RowFunction {
    /// `bag_remove_keys(bag, keys)`: the bag without the keys (or paths) of the array `keys`.
    static let bagRemoveKeys = RowFunction(name: "bag_remove_keys", arity: 2...2, kinds: [.dynamic, .dynamic],
                                                    out: .dynamic, strict: false) { r in
        guard let keys = array(r[1]) else { return .dynamic(.null) }
        // Top-level keys go in one pass over the bag; only nested paths are removed one at a time.
        let paths = keys.map { path(Value.dynamic($0).text) }
        guard case .dynamic(.bag(let bag)) = r[0] else { return .dynamic(.null) }
        var d = Dynamic.bag(bag.removing(Set(paths.filter { $0.count == 1 }.map { $0[0] })))
        for p in paths where p.count > 1 { d = updating(d, p[...], with: nil) }
        return .dynamic(d)
    }
}
