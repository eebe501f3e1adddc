import Columnar

extension RowFunction {
    /// `string_size(s)`: the size of `s` in bytes (UTF-8).
    static let stringSize = RowFunction(name: "string_size", arity: 1...1, kinds: [.string], out: .long, strict: true) { r in
        .long(Int64(r[0].text.utf8.count))
    }
}
