import Columnar

extension RowFunction {
    /// `strcmp(a, b)`: -1, 0 or 1 by ordinal comparison.
    static let strcmp = RowFunction(name: "strcmp", arity: 2...2, kinds: [.any, .any], out: .int, strict: true) { r in
        let a = r[0].text, b = r[1].text
        return .int(a == b ? 0 : (Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : 1))
    }
}
