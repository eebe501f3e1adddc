import Columnar

/// `indexof_regex(s, regex [, start [, length [, occurrence]]])`: the zero-based character position of
/// the `occurrence`-th non-overlapping match of `regex` among the `length` characters (-1 = to the
/// end) from `start`; -1 when there is none; null when `start` or `occurrence` is negative or
/// `length` is less than -1.
struct IndexofRegexFunction: ScalarFunction {
    let name = "indexof_regex"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .integer, .integer, .integer], arity: 2...5)
        if let p = args[1].constant { _ = try RegexCache.shared.regex(p.text, argument: 1) }
        return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .long, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[1].text, argument: 1)
            let start = r.count > 2 ? (Numeric.long(r[2]) ?? 0) : 0
            let length = r.count > 3 ? (Numeric.long(r[3]) ?? -1) : -1
            let occurrence = r.count > 4 ? (Numeric.long(r[4]) ?? 1) : 1
            guard start >= 0, length >= -1, occurrence >= 0 else { return .null }
            let scalars = Array(r[0].text.unicodeScalars)
            guard start <= scalars.count, occurrence > 0 else { return .long(-1) }
            let end = length == -1 || length >= Int64(scalars.count) - start ? scalars.count : Int(start + length)
            var window = String(String.UnicodeScalarView(scalars[Int(start)..<end]))
            var seen: Int64 = 0
            var answer: Int64 = -1
            window.withUTF8 { t in
                re.forEachMatch(in: t, groups: 1) { m in
                    seen += 1
                    guard seen == occurrence, let whole = m.range(0) else { return true }
                    // The match's byte offset in the window, as a count of characters.
                    let before = String(decoding: UnsafeBufferPointer(rebasing: t[..<whole.lowerBound]), as: UTF8.self)
                    answer = start + Int64(before.unicodeScalars.count)
                    return false
                }
            }
            return .long(answer)
        }
    }
}
