import Columnar
import Foundation

extension RowFunction {
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
}
