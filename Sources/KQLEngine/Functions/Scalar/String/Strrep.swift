import Columnar

extension RowFunction {
    /// `strrep(value, n [, delimiter])`: `value` repeated `n` times, joined by `delimiter`.
    static let strrep = RowFunction(name: "strrep", arity: 2...3, kinds: [.any, .integer, .any], out: .string, strict: true) { r in
        guard let n = Numeric.long(r[1]), n >= 0, n <= 1024 else { return .null }
        let delimiter = r.count > 2 ? r[2].text : ""
        return .string([String](repeating: r[0].text, count: Int(n)).joined(separator: delimiter))
    }
}
