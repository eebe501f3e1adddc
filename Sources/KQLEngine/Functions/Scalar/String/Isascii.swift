import Columnar

extension RowFunction {
    /// `isascii(s)`: every character is 7-bit ASCII.
    static let isascii = RowFunction(name: "isascii", arity: 1...1, kinds: [.string], out: .bool, strict: true) { r in
        .bool(r[0].text.utf8.allSatisfy { $0 < 0x80 })
    }
}
