import Columnar
import Crypto

/// `hash_sha256(x)`: the SHA-256 of `x`'s UTF-8 text as lower-case hex.
struct HashSha256Function: ScalarFunction {
    let name = "hash_sha256"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            if r[0].isNull && args[0].type != .string { return .string("") }
            let digest = SHA256.hash(data: Array(r[0].digestText.utf8))
            return .string(digest.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined())
        }
    }
}
