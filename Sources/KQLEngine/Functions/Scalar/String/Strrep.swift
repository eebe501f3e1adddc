import Columnar

extension RowFunction {
    /// `strrep(value, n [, delimiter])`: `value` repeated `n` times, joined by `delimiter`; an `n` over
    /// 1024 repeats 1024 times (as the docs say), a negative one gives null.
    static let strrep = RowFunction(name: "strrep", arity: 2...3, kinds: [.any, .integer, .any], out: .string, strict: true) { r in
        guard var n = Numeric.long(r[1]), n >= 0 else { return .null }
        n = min(n, 1024)
        let delimiter = r.count > 2 ? r[2].text : ""
        return .string([String](repeating: r[0].text, count: Int(n)).joined(separator: delimiter))
    }
}
