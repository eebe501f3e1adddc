import Columnar

extension RowFunction {
    /// `set_difference(a, b, ...)`: distinct elements of `a` that are in none of the others.
    static let setDifference = RowFunction(name: "set_difference", arity: 2...64, kinds: [.dynamic], out: .dynamic, strict: false) { r in
        var arrays: [[Dynamic]] = []
        for v in r {
            guard let a = array(v) else { return .dynamic(.null) }
            arrays.append(a)
        }
        let others = Set(arrays.dropFirst().joined())
        var seen = Set<Dynamic>(), out: [Dynamic] = []
        for x in arrays[0] where !others.contains(x) && seen.insert(x).inserted { out.append(x) }
        return .dynamic(.array(out))
    }
}
