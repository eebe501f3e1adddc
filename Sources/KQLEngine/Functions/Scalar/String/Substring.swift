import Columnar

/// `substring(s, start [, length])`: `length` characters (default: the rest) from zero-based `start`;
/// a negative `start` counts from the end (`substring("123456", -2, 2)` is "56", as the docs show).
/// The range is clamped to the string, whatever the magnitudes.
struct SubstringFunction: ScalarFunction {
    let name = "substring"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .integer, .integer], arity: 2...3); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            let chars = Array(r[0].text.unicodeScalars)
            let count = Int64(chars.count)
            guard var start = Numeric.long(r[1]) else { return .null }
            let length = r.count > 2 ? Numeric.long(r[2]) : count
            guard let length, length >= 0 else { return .string("") }
            // count + start cannot overflow for a negative start (count >= 0).
            if start < 0 { start = max(0, count + start) }
            let lo = min(count, start)
            // lo <= count, so comparing the rest with `length` avoids forming lo + length.
            let hi = length >= count - lo ? count : lo + length
            var out = String.UnicodeScalarView()
            out.append(contentsOf: chars[Int(lo)..<Int(hi)])
            return .string(String(out))
        }
    }
}
