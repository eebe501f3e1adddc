import Columnar

/// `substring(s, start [, length])`: characters from zero-based `start`; the range
/// `[start, start + length)` is clamped to the string, so a negative start shortens the result.
struct SubstringFunction: ScalarFunction {
    let name = "substring"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .integer, .integer], arity: 2...3); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            let chars = Array(r[0].text.unicodeScalars)
            guard let start = Numeric.long(r[1]) else { return .null }
            let length = r.count > 2 ? Numeric.long(r[2]) : Int64(chars.count)
            guard let length, length >= 0 else { return .string("") }
            let lo = max(0, min(Int64(chars.count), start))
            let hi = max(lo, min(Int64(chars.count), start &+ length))
            var out = String.UnicodeScalarView()
            out.append(contentsOf: chars[Int(lo)..<Int(hi)])
            return .string(String(out))
        }
    }
}
