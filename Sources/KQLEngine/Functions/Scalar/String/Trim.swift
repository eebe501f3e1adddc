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
        try Signature.check(name, args, [.string, .string]); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let (start, end, name) = (self.start, self.end, self.name)
        return try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let p = r[0].text
            var s = r[1].text
            if start {
                let re = try RegexCache.shared.regex("^(?:" + p + ")+", function: name)
                if let m = re.firstMatch(in: s), let whole = m[0] { s = String(s[whole.upperBound...]) }
            }
            if end {
                let re = try RegexCache.shared.regex("(?:" + p + ")+$", function: name)
                if let m = re.firstMatch(in: s), let whole = m[0] { s = String(s[..<whole.lowerBound]) }
            }
            return .string(s)
        }
    }
}
