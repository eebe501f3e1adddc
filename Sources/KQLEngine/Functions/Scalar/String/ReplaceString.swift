import Columnar

/// `replace_string(text, lookup, rewrite)`: every non-overlapping occurrence of `lookup` replaced.
struct ReplaceStringFunction: ScalarFunction {
    let name = "replace_string"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .string]); return .string
    }
    /// `text` with the non-overlapping occurrences of `lookup` (left to right) replaced, in linear time.
    static func replacing(_ text: inout String, _ lookup: [UInt8], with rewrite: [UInt8]) -> String {
        text.withUTF8 { hay in
            var out: [UInt8] = []
            out.reserveCapacity(hay.count)
            var copied = 0
            lookup.withUnsafeBufferPointer { n in
                _ = TextSearch.anyMatch(hay, n) { i in
                    guard i >= copied else { return false }  // overlaps the occurrence just replaced
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[copied..<i]))
                    out.append(contentsOf: rewrite)
                    copied = i + n.count
                    return false
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            let lookup = r[1].text
            guard !lookup.isEmpty else { return .string(r[0].text) }
            var text = r[0].text
            return .string(Self.replacing(&text, Array(lookup.utf8), with: Array(r[2].text.utf8)))
        }
    }
}
