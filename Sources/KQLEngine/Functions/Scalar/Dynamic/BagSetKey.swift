import Columnar

extension RowFunction {
    /// `bag_set_key(bag, key, value)`: the bag with `key` (or a path, creating nested bags) set to `value`.
    static let bagSetKey = RowFunction(name: "bag_set_key", arity: 3...3, kinds: [.dynamic, .string, .any],
                                                out: .dynamic, strict: false) { r in
        guard case .dynamic(.bag) = r[0] else { return .dynamic(.null) }
        let keys = path(r[1].text)
        // A path longer than any value may nest would build one deeper than parsing ever yields.
        guard keys.count <= Dynamic.maxNesting else { return .dynamic(.null) }
        return .dynamic(updating(r[0].asDynamic, keys[...], with: r[2].asDynamic))
    }
}
