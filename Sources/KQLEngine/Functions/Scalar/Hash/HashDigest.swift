import Columnar
import Crypto

/// `hash_md5(x)` / `hash_sha1(x)`: the digest of `x`'s UTF-8 text as lower-case hex.
struct HashDigestFunction: ScalarFunction {
    let name: String
    let digest: @Sendable ([UInt8]) -> [UInt8]
    static let md5 = HashDigestFunction(name: "hash_md5") { Array(Insecure.MD5.hash(data: $0)) }
    static let sha1 = HashDigestFunction(name: "hash_sha1") { Array(Insecure.SHA1.hash(data: $0)) }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let digest = self.digest
        return try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            if r[0].isNull && args[0].type != .string { return .string("") }
            return .string(
                digest(Array(r[0].digestText.utf8)).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined())
        }
    }
}

extension Value {
    /// The text the digest functions hash: `tostring`, except that a datetime always has its
    /// seven fraction digits (ADX: hash_md5(datetime(2020-01-01)) hashes "2020-01-01T00:00:00.0000000Z").
    var digestText: String {
        if case .datetime(let t) = self { return DateTimeFormat.iso8601(t, fractionDigits: 7) }
        return text
    }
}
