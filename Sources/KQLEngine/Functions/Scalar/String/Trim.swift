import Columnar

/// `trim(regex, s)`, `trim_start(regex, s)`, `trim_end(regex, s)`: `s` without the leading
/// and/or trailing matches of `regex` (repeated matches are removed too).
struct TrimFunction: ScalarFunction {
    let name: String
    let start: Bool, end: Bool
    static let trim = TrimFunction(name: "trim", start: true, end: true)
    static let trimStart = TrimFunction(name: "trim_start", start: true, end: false)
    static let trimEnd = TrimFunction(name: "trim_end", start: false, end: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string])
        if let p = args[0].constant { _ = try Self.compiled(p.text, start: start, end: end) }
        return .string
    }

    /// The patterns for the leading and trailing runs of `p`'s matches. An error in `p` itself is
    /// reported on `p`, not on the pattern built around it.
    static func compiled(_ p: String, start: Bool, end: Bool) throws(FunctionError) -> (CompiledRegex?, CompiledRegex?)
    {
        let cache = RegexCache.shared
        do {
            return (start ? try cache.regex("^(?:" + p + ")+") : nil, end ? try cache.regex("(?:" + p + ")+$") : nil)
        } catch {
            _ = try cache.regex(p, argument: 0)
            throw error.functionError(argument: 0)
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let (start, end) = (self.start, self.end)
        return try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let (leading, trailing) = try Self.compiled(r[0].text, start: start, end: end)
            var s = r[1].text
            let trimmed = s.withUTF8 { t -> String in
                var lower = 0, upper = t.count
                if let leading, let m = leading.firstMatch(in: t, groups: 1), let whole = m.range(0) {
                    lower = whole.upperBound
                }
                // The trailing run is looked for in what the leading one left, so the two never overlap.
                if let trailing {
                    let rest = UnsafeBufferPointer(rebasing: t[lower..<upper])
                    if let m = trailing.firstMatch(in: rest, groups: 1), let whole = m.range(0) {
                        upper = lower + whole.lowerBound
                    }
                }
                return CompiledRegex.text(t, lower..<upper)
            }
            return .string(trimmed)
        }
    }
}
