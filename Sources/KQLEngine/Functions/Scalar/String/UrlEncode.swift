import Columnar

extension RowFunction {
    /// `url_encode(s)`: form encoding (space as `+`, other reserved bytes as lower-case `%xx`).
    static let urlEncode = RowFunction(name: "url_encode", arity: 1...1, kinds: [.string], out: .string, strict: true) { r in
        .string(percentEncode(r[0].text, spaceAsPlus: true))
    }

    /// `url_encode_component(s)`: like `url_encode`, with space as `%20`.
    static let urlEncodeComponent = RowFunction(name: "url_encode_component", arity: 1...1, kinds: [.string],
                                                out: .string, strict: true) { r in
        .string(percentEncode(r[0].text, spaceAsPlus: false))
    }

    private static func percentEncode(_ s: String, spaceAsPlus: Bool) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || "-_.!*()".contains(c) {
                out.append(c)
            } else if b == 0x20 {
                out += spaceAsPlus ? "+" : "%20"
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16)
            }
        }
        return out
    }
}
