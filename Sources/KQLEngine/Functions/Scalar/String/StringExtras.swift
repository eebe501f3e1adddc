import Columnar
import Foundation

/// Small string functions that each map their arguments row by row: `strcmp`, `strrep`,
/// `url_encode`, `url_encode_component`, `url_decode`, `isascii`, `isutf8`, `regex_quote`,
/// `string_size`, `base64_encode_tostring`, `base64_decode_tostring`, `tohex`.
enum StringExtraFunction {
    /// `strcmp(a, b)`: -1, 0 or 1 by ordinal comparison.
    static let strcmp = RowFunction(name: "strcmp", arity: 2...2, kinds: [.any, .any], out: .int, strict: true) { r in
        let a = r[0].text, b = r[1].text
        return .int(a == b ? 0 : (Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : 1))
    }

    /// `strrep(value, n [, delimiter])`: `value` repeated `n` times, joined by `delimiter`.
    static let strrep = RowFunction(name: "strrep", arity: 2...3, kinds: [.any, .integer, .any], out: .string, strict: true) { r in
        guard let n = Numeric.long(r[1]), n >= 0, n <= 1024 else { return .null }
        let delimiter = r.count > 2 ? r[2].text : ""
        return .string([String](repeating: r[0].text, count: Int(n)).joined(separator: delimiter))
    }

    /// `url_encode(s)`: form encoding (space as `+`, other reserved bytes as lower-case `%xx`).
    static let urlEncode = RowFunction(name: "url_encode", arity: 1...1, kinds: [.string], out: .string, strict: true) { r in
        .string(percentEncode(r[0].text, spaceAsPlus: true))
    }

    /// `url_encode_component(s)`: like `url_encode`, with space as `%20`.
    static let urlEncodeComponent = RowFunction(name: "url_encode_component", arity: 1...1, kinds: [.string],
                                                out: .string, strict: true) { r in
        .string(percentEncode(r[0].text, spaceAsPlus: false))
    }

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

    /// `isascii(s)`: every character is 7-bit ASCII.
    static let isascii = RowFunction(name: "isascii", arity: 1...1, kinds: [.string], out: .bool, strict: true) { r in
        .bool(r[0].text.utf8.allSatisfy { $0 < 0x80 })
    }

    /// `isutf8(s)`: strings here are always valid UTF-8.
    static let isutf8 = RowFunction(name: "isutf8", arity: 1...1, kinds: [.string], out: .bool, strict: true) { _ in .bool(true) }

    /// `regex_quote(s)`: `s` with regular-expression metacharacters escaped.
    static let regexQuote = RowFunction(name: "regex_quote", arity: 1...1, kinds: [.string], out: .string, strict: true) { r in
        var out = ""
        for c in r[0].text {
            if "\\^$.|?*+()[]{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return .string(out)
    }

    /// `string_size(s)`: the size of `s` in bytes (UTF-8).
    static let stringSize = RowFunction(name: "string_size", arity: 1...1, kinds: [.string], out: .long, strict: true) { r in
        .long(Int64(r[0].text.utf8.count))
    }

    /// `base64_encode_tostring(s)`: base64 of the UTF-8 bytes of `s`.
    static let base64Encode = RowFunction(name: "base64_encode_tostring", arity: 1...1, kinds: [.string],
                                                  out: .string, strict: true) { r in
        .string(Data(r[0].text.utf8).base64EncodedString())
    }

    /// `base64_decode_tostring(s)`: the UTF-8 text of base64 `s`; null when it is not base64 of UTF-8.
    static let base64Decode = RowFunction(name: "base64_decode_tostring", arity: 1...1, kinds: [.string],
                                                  out: .string, strict: true) { r in
        guard let d = Data(base64Encoded: r[0].text) else { return .null }
        return String(validating: Array(d), as: UTF8.self).map(Value.string) ?? .null
    }

    /// `tohex(n [, minLength])`: two's-complement hex of an int (32 bits) or long (64 bits), lower-case,
    /// padded with zeros to `minLength`.
    static let tohex = RowFunction(name: "tohex", arity: 1...2, kinds: [.integer, .integer], out: .string, strict: true) { r in
        let digits: String
        switch r[0] {
        case .int(let v): digits = String(UInt32(bitPattern: v), radix: 16)
        default:
            guard let v = Numeric.long(r[0]) else { return .null }
            digits = String(UInt64(bitPattern: v), radix: 16)
        }
        let width = r.count > 1 ? Int(Numeric.long(r[1]) ?? 0) : 0
        return .string(digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits)
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

/// `new_guid()`: a random guid per row.
struct NewGuidFunction: ScalarFunction {
    let name = "new_guid"
    var isDeterministic: Bool { false }
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 0...0); return .guid
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var b = ColumnBuilder(type: .guid, capacity: context.rowCount)
        for _ in 0..<context.rowCount { b.append(.guid(UUID())) }
        return .column(b.finish())
    }
}
