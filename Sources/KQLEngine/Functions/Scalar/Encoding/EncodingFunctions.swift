import Columnar
import Foundation

/// The encoding family: text to and from URL, base64, gzip/zlib, Punycode and Unicode code point
/// encodings. One-line kernels are defined right here; compression (`Base64Compression.swift`,
/// `Deflate.swift`) and Punycode (`Punycode.swift`) have files of their own.
enum EncodingFunctions {
    static let all = FunctionFamily(
        "encoding",
        [
            .row(
                "url_encode", arity: 1...1, [.string], out: .string, strict: true,
                "A string form-encoded for a URL: space as '+', other reserved bytes as %xx.",
                example: "print url_encode('a b&c')"
            ) { r in
                .string(percentEncode(r[0].text, spaceAsPlus: true))
            },
            .row(
                "url_encode_component", arity: 1...1, [.string], out: .string, strict: true,
                "A string encoded for one URL component: space as %20, other reserved bytes as %xx.",
                example: "print url_encode_component('a b&c')"
            ) { r in
                .string(percentEncode(r[0].text, spaceAsPlus: false))
            },
            .row(
                "url_decode", arity: 1...1, [.string], out: .string, strict: true,
                "A URL-encoded string decoded (%xx and '+'); null when the bytes are not UTF-8.",
                example: "print url_decode('a%20b%26c')"
            ) { r in
                percentDecode(r[0].text).map(Value.string) ?? .null
            },
            .row(
                "base64_encode_tostring", arity: 1...1, [.string], out: .string, strict: true,
                "The base64 encoding of a string's UTF-8 bytes.", example: "print base64_encode_tostring('Kusto')"
            ) { r in
                .string(Data(r[0].text.utf8).base64EncodedString())
            },
            .row(
                "base64_decode_tostring", arity: 1...1, [.string], out: .string, strict: true,
                "The UTF-8 text a base64 string encodes; null when it is not base64 of UTF-8.",
                example: "print base64_decode_tostring('S3VzdG8=')"
            ) { r in
                guard let d = Data(base64Encoded: r[0].text) else { return .null }
                return String(validating: Array(d), as: UTF8.self).map(Value.string) ?? .null
            },
            .row(
                "base64_decode_toarray", arity: 1...1, [.string], out: .dynamic, strict: true,
                "The bytes a base64 string encodes, as an array of longs; null when it is not base64.",
                example: "print base64_decode_toarray('S3VzdG8=')"
            ) { r in
                guard let d = Data(base64Encoded: r[0].text) else { return .dynamic(.null) }
                return .dynamic(.array(d.map { .long(Int64($0)) }))
            },
            .row(
                "base64_encode_fromarray", arity: 1...1, [.dynamic], out: .string, strict: true,
                "The base64 encoding of an array of byte values (0 to 255); null for anything else.",
                example: "print base64_encode_fromarray(dynamic([75, 117, 115, 116, 111]))"
            ) { r in
                guard case .dynamic(.array(let items)) = r[0] else { return .null }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(items.count)
                for item in items {
                    guard let x = Numeric.long(.dynamic(item)), let b = UInt8(exactly: x) else { return .null }
                    bytes.append(b)
                }
                return .string(Data(bytes).base64EncodedString())
            },
            .row(
                "base64_decode_toguid", arity: 1...1, [.string], out: .guid, strict: true,
                "The guid whose 16 bytes (in .NET's order) a base64 string encodes; null otherwise.",
                example: "print base64_decode_toguid('JpbpECu8dUy7Pv5gbeJXAA==')"
            ) { r in
                guard let d = Data(base64Encoded: r[0].text), d.count == 16 else { return .null }
                return .guid(guid(dotNetBytes: Array(d)))
            },
            .row(
                "base64_encode_fromguid", arity: 1...1, [.guid], out: .string, strict: true,
                "The base64 encoding of a guid's 16 bytes in .NET's order.",
                example: "print base64_encode_fromguid(guid(ae3133f2-6e22-49ae-b06a-16e6a9b212eb))"
            ) { r in
                guard case .guid(let g) = r[0] else { return .null }
                return .string(Data(dotNetBytes(g)).base64EncodedString())
            },
            .scalar(
                Base64CompressionFunction.zlibCompress, "A string's UTF-8 bytes zlib-compressed, in base64.",
                example: "print zlib_compress_to_base64_string('1234567890qwertyuiop')"),
            .scalar(
                Base64CompressionFunction.zlibDecompress, "The string a base64 zlib stream holds; empty if invalid.",
                example: "print zlib_decompress_from_base64_string('eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=')"),
            .scalar(
                Base64CompressionFunction.gzipCompress, "A string's UTF-8 bytes gzip-compressed, in base64.",
                example: "print gzip_compress_to_base64_string('1234567890qwertyuiop')"),
            .scalar(
                Base64CompressionFunction.gzipDecompress, "The string a base64 gzip stream holds; empty if invalid.",
                example:
                    "print gzip_decompress_from_base64_string('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==')"
            ),
            .row(
                "punycode_from_string", arity: 1...1, [.string], out: .string, strict: true,
                "A string in Punycode (without `xn--`); empty past 4096 characters or on failure.",
                example: "print punycode_from_string('académie-française')"
            ) { r in
                // Bootstring is quadratic in the label's length; labels are short, so long text fails.
                let s = r[0].text
                guard s.unicodeScalars.count <= 4096 else { return .string("") }
                return .string(Punycode.encode(s) ?? "")
            },
            .row(
                "punycode_to_string", arity: 1...1, [.string], out: .string, strict: true,
                "The string a Punycode text (without `xn--`) encodes; empty if invalid or past 4096 characters.",
                example: "print punycode_to_string('acadmie-franaise-npb1a')"
            ) { r in
                let s = r[0].text
                guard s.utf8.count <= 4096 else { return .string("") }
                return .string(Punycode.decode(s) ?? "")
            },
            .row(
                "punycode_domain_to_string", arity: 1...1, [.string], out: .string, strict: true,
                "A domain name with each non-ASCII label in Punycode after `xn--`; empty on failure.",
                example: "print punycode_domain_to_string('Riðill.org')"
            ) { r in
                let s = r[0].text
                guard s.unicodeScalars.count <= 4096 else { return .string("") }
                return .string(Punycode.encodeDomain(s) ?? "")
            },
            .row(
                "punycode_domain_from_string", arity: 1...1, [.string], out: .string, strict: true,
                "A domain name with each `xn--` label decoded from Punycode; empty on failure.",
                example: "print punycode_domain_from_string('xn--Riill-jta.org')"
            ) { r in
                let s = r[0].text
                guard s.utf8.count <= 4096 else { return .string("") }
                return .string(Punycode.decodeDomain(s) ?? "")
            },
            .row(
                "unicode_codepoints_from_string", arity: 1...1, [.string], out: .dynamic, strict: true,
                "The Unicode code points of a string, as an array of longs.",
                example: "print unicode_codepoints_from_string('Kusto')"
            ) { r in
                .dynamic(.array(r[0].text.unicodeScalars.map { .long(Int64($0.value)) }))
            },
            .row(
                "to_utf8", arity: 1...1, [.string], out: .dynamic, strict: true,
                "Deprecated alias of unicode_codepoints_from_string().", example: "print to_utf8('Kusto')"
            ) { r in
                .dynamic(.array(r[0].text.unicodeScalars.map { .long(Int64($0.value)) }))
            },
            .row(
                "unicode_codepoints_to_string", arity: 1...64,
                [.oneOf([.int, .long, .dynamic], "an integer or a dynamic array")],
                out: .string, strict: false,
                "The string of the Unicode code points given (numbers or arrays); null if one is invalid.",
                example: "print unicode_codepoints_to_string(75, 117, 115, 116, 111)"
            ) { r in
                codepointsToString(r)
            },
            .row(
                "make_string", arity: 1...64, [.oneOf([.int, .long, .dynamic], "an integer or a dynamic array")],
                out: .string, strict: false, "Deprecated alias of unicode_codepoints_to_string().",
                example: "print make_string(75, 117)"
            ) { r in
                codepointsToString(r)
            },
        ])

    /// The string of the code points in `args` (numbers, or arrays of numbers); null when any is null,
    /// not a number, or not a Unicode scalar value.
    static func codepointsToString(_ args: [Value]) -> Value {
        var s = String.UnicodeScalarView()
        func add(_ v: Value) -> Bool {
            guard let x = Numeric.long(v), let u32 = UInt32(exactly: x), let u = Unicode.Scalar(u32) else {
                return false
            }
            s.append(u); return true
        }
        for a in args {
            if case .dynamic(.array(let items)) = a {
                for item in items where !add(.dynamic(item)) { return .null }
            } else if !add(a) {
                return .null
            }
        }
        return .string(String(s))
    }

    /// A guid from its 16 bytes as .NET lays them out: the first three fields little-endian.
    static func guid(dotNetBytes b: [UInt8]) -> UUID {
        UUID(
            uuid: (b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
        )
    }

    /// A guid's 16 bytes as .NET lays them out.
    static func dotNetBytes(_ g: UUID) -> [UInt8] {
        let u = g.uuid
        return [u.3, u.2, u.1, u.0, u.5, u.4, u.7, u.6, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15]
    }

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
                let b = UInt8(String(decoding: s[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(b); i += 3
            } else {
                bytes.append(s[i] == UInt8(ascii: "+") ? 0x20 : s[i]); i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
