import Columnar

/// `countof(text, search [, kind])`: how often `search` occurs; `kind` "normal" (default) counts
/// overlapping occurrences of the plain string, "regex" counts non-overlapping regex matches.
struct CountofFunction: ScalarFunction {
    let name = "countof"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .string], arity: 2...3)
        if args.count == 3, let k = args[2].constant, !["normal", "regex"].contains(k.text) {
            throw FunctionError(.argument, "countof() kind must be 'normal' or 'regex', got '\(k.text)'", argument: 2)
        }
        return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let name = self.name
        return try Kernel.boxedStrict(args, out: .long, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let s = r[0].text, search = r[1].text
            if r.count > 2, r[2].text == "regex" {
                return .long(Int64(try RegexCache.shared.regex(search, function: name).allMatches(in: s).count))
            }
            guard !search.isEmpty else { return .long(0) }
            let hay = Array(s.utf8), needle = Array(search.utf8)
            var count: Int64 = 0
            hay.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in _ = TextSearch.anyMatch(h, n) { _ in count += 1; return false } }
            }
            return .long(count)
        }
    }
}
