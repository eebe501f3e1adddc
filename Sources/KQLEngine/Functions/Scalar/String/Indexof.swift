import Columnar

/// `indexof(s, lookup [, start [, length [, occurrence]]])`: the zero-based character position of
/// the `occurrence`-th match of `lookup` searching `length` characters (-1 = to the end) from
/// `start` (negative counts from the end); -1 when not found.
struct IndexofFunction: ScalarFunction {
    let name = "indexof"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .integer, .integer, .integer], arity: 2...5); return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            let s = Array(r[0].text.unicodeScalars), lookup = Array(r[1].text.unicodeScalars)
            var start = r.count > 2 ? (Numeric.long(r[2]) ?? 0) : 0
            let length = r.count > 3 ? (Numeric.long(r[3]) ?? -1) : -1
            let occurrence = r.count > 4 ? (Numeric.long(r[4]) ?? 1) : 1
            guard length >= -1, occurrence > 0 else { return .null }
            if start < 0 { start = max(0, Int64(s.count) + start) }
            guard start <= s.count else { return .long(-1) }
            let end = length == -1 ? s.count : min(s.count, Int(start + length))
            var found = 0
            var i = Int(start)
            while i + lookup.count <= end {
                if Array(s[i..<(i + lookup.count)]) == lookup {
                    found += 1
                    if found == occurrence { return .long(Int64(i)) }
                }
                i += 1
            }
            return .long(-1)
        }
    }
}
