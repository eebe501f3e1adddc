import Columnar
import Foundation

/// The encoding family: text to and from URL, base64 (and, to come, gzip, zlib and Unicode code point)
/// encodings. Each kernel is defined right here.
enum EncodingFunctions {
    static let all = FunctionFamily("encoding", [
        .row("url_encode", arity: 1...1, [.string], out: .string, strict: true,
             "A string form-encoded for a URL: space as '+', other reserved bytes as %xx.",
             example: "print url_encode('a b&c')") { r in
            .string(percentEncode(r[0].text, spaceAsPlus: true))
        },
        .row("url_encode_component", arity: 1...1, [.string], out: .string, strict: true,
             "A string encoded for one URL component: space as %20, other reserved bytes as %xx.",
             example: "print url_encode_component('a b&c')") { r in
            .string(percentEncode(r[0].text, spaceAsPlus: false))
        },
        .row("url_decode", arity: 1...1, [.string], out: .string, strict: true,
             "A URL-encoded string decoded (%xx and '+'); null when the bytes are not UTF-8.",
             example: "print url_decode('a%20b%26c')") { r in
            percentDecode(r[0].text).map(Value.string) ?? .null
        },
        .row("base64_encode_tostring", arity: 1...1, [.string], out: .string, strict: true,
             "The base64 encoding of a string's UTF-8 bytes.", example: "print base64_encode_tostring('Kusto')") { r in
            .string(Data(r[0].text.utf8).base64EncodedString())
        },
        .row("base64_decode_tostring", arity: 1...1, [.string], out: .string, strict: true,
             "The UTF-8 text a base64 string encodes; null when it is not base64 of UTF-8.",
             example: "print base64_decode_tostring('S3VzdG8=')") { r in
            guard let d = Data(base64Encoded: r[0].text) else { return .null }
            return String(validating: Array(d), as: UTF8.self).map(Value.string) ?? .null
        },
    ])

    /// Letters, digits and `-_.!*()` as they are; every other byte as lower-case `%xx` (space per `spaceAsPlus`).
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

    /// `%xx` sequences and `+` decoded; nil when the bytes are not UTF-8.
    private static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        let s = Array(text.utf8)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "%"), i + 2 < s.count,
               let b = UInt8(String(decoding: s[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(b); i += 3
            } else {
                bytes.append(s[i] == UInt8(ascii: "+") ? 0x20 : s[i]); i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
