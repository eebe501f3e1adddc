import Columnar
import Foundation

/// `zlib_compress_to_base64_string(s)`, `gzip_compress_to_base64_string(s)` and their inverses
/// `*_decompress_from_base64_string(s)`: a string's UTF-8 bytes as one zlib or gzip stream in base64,
/// and back. A failure (bad base64, a bad or truncated stream, bytes that are not UTF-8) gives the
/// empty string, as the reference says. Decompressed output is charged to the query's budget as it is
/// produced (`Deflate.decompress`).
struct Base64CompressionFunction: ScalarFunction {
    let name: String
    let format: Deflate.Format
    let compresses: Bool

    static let zlibCompress = Self(name: "zlib_compress_to_base64_string", format: .zlib, compresses: true)
    static let zlibDecompress = Self(name: "zlib_decompress_from_base64_string", format: .zlib, compresses: false)
    static let gzipCompress = Self(name: "gzip_compress_to_base64_string", format: .gzip, compresses: true)
    static let gzipDecompress = Self(name: "gzip_decompress_from_base64_string", format: .gzip, compresses: false)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .string
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let format = self.format, compresses = self.compresses
        let result = try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let text = r[0].text
            if compresses {
                // A stream is at most a little larger than its input, and base64 adds a third.
                try meter.add(MemorySize.product(text.utf8.count, 2))
                return .string(Deflate.compress(Array(text.utf8), format).map { Data($0).base64EncodedString() } ?? "")
            }
            guard let data = Data(base64Encoded: text),
                let bytes = try Deflate.decompress(Array(data), format, meter: &meter)
            else { return .string("") }
            return .string(String(validating: bytes, as: UTF8.self) ?? "")
        }
        try meter.flush()
        return result
    }
}
