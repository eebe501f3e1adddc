import Columnar

extension RowFunction {
    /// `url_decode(s)`: `%xx` sequences and `+` decoded; null when the result is not UTF-8.
    static let urlDecode = RowFunction(name: "url_decode", arity: 1...1, kinds: [.string], out: .string, strict: true) { r in
        var bytes: [UInt8] = []
        let s = Array(r[0].text.utf8)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "%"), i + 2 < s.count, let b = UInt8(String(decoding: s[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(b); i += 3
            } else {
                bytes.append(s[i] == UInt8(ascii: "+") ? 0x20 : s[i]); i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self).map(Value.string) ?? .null
    }
}
