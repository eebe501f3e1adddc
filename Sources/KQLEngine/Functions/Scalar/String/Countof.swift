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
        if args.count == 3, args[2].constant?.text == "regex", let p = args[1].constant {
            _ = try RegexCache.shared.regex(p.text, argument: 1)
        }
        return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        return try Kernel.boxedStrict(args, out: .long, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            var s = r[0].text
            let search = r[1].text
            if r.count > 2, r[2].text == "regex" {
                let re = try RegexCache.shared.regex(search, argument: 1)
                var count: Int64 = 0
                s.withUTF8 { t in
                    re.forEachMatch(in: t, groups: 1) { _ in
                        count += 1; return true
                    }
                }
                return .long(count)
            }
            guard !search.isEmpty else { return .long(0) }
            let hay = Array(s.utf8), needle = Array(search.utf8)
            var count: Int64 = 0
            hay.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    _ = TextSearch.anyMatch(h, n) { _ in
                        count += 1; return false
                    }
                }
            }
            return .long(count)
        }
    }
}
