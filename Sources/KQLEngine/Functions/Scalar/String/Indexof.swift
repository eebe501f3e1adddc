import Columnar

/// `indexof(s, lookup [, start [, length [, occurrence]]])`: the zero-based character position of
/// the `occurrence`-th match of `lookup` searching `length` characters (-1 = to the end) from
/// `start` (negative counts from the end); -1 when not found. Non-string `s`/`lookup` are converted
/// with `tostring`, as ADX does (`indexof(1234567, 5)` is 4).
struct IndexofFunction: ScalarFunction {
    let name = "indexof"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.any, .any, .integer, .integer, .integer], arity: 2...5); return .long
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
            // Each further occurrence is searched for in a window of `length` characters starting
            // just after the previous match (ADX: indexof("abcdefgabcdefg", "cde", 1, 10, 2) is 9). The
            // first occurrence after a position is the next one of a single left-to-right pass, so one
            // linear pass answers for every occurrence.
            if lookup.isEmpty {
                // The empty text occurs at every position: the n-th time at start + n - 1.
                return .long(occurrence - 1 <= Int64(s.count) - start ? start + occurrence - 1 : -1)
            }
            var found: Int64 = 0
            var from = Int(start)
            var answer: Int64 = -1
            _ = PatternTable(lookup).anyMatch(s, from: from) { h in
                let end = length == -1 || Int(length) >= s.count - from ? s.count : from + Int(length)
                if h + lookup.count > end { return true }
                found += 1
                if found == occurrence { answer = Int64(h); return true }
                from = h + 1
                return false
            }
            return .long(answer)
        }
    }
}
