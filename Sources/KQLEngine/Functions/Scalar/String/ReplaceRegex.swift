import Columnar

/// `replace_regex(text, regex, rewrite)`: every non-overlapping match of `regex` replaced by
/// `rewrite`, where `\0` is the whole match, `\1`..`\9` name capture groups and `\\` is a backslash
/// (RE2's rewrite syntax). `replace` is its deprecated alias, with the same arguments.
struct ReplaceRegexFunction: ScalarFunction {
    var name = "replace_regex"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .string])
        if let p = args[1].constant {
            let re = try RegexCache.shared.regex(p.text, argument: 1)
            if let w = args[2].constant { _ = try Rewrite(w.text, groups: re.groupCount) }
        }
        return .string
    }

    /// A rewrite template split into literal text and group references.
    struct Rewrite {
        enum Piece { case text([UInt8]), group(Int) }
        var pieces: [Piece] = []
        /// The highest group referred to.
        var highest = 0

        init(_ template: String, groups: Int) throws(FunctionError) {
            var literal: [UInt8] = []
            let b = Array(template.utf8)
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                    let n = b[i + 1]
                    if n >= UInt8(ascii: "0") && n <= UInt8(ascii: "9") {
                        let g = Int(n - UInt8(ascii: "0"))
                        guard g <= groups else {
                            throw FunctionError(
                                .regex,
                                "the rewrite refers to group \\\(g), but the pattern has \(groups) capture group\(groups == 1 ? "" : "s")",
                                argument: 2)
                        }
                        if !literal.isEmpty { pieces.append(.text(literal)); literal = [] }
                        pieces.append(.group(g))
                        highest = max(highest, g)
                        i += 2
                        continue
                    }
                    if n == UInt8(ascii: "\\") { literal.append(n); i += 2; continue }
                }
                literal.append(b[i])
                i += 1
            }
            if !literal.isEmpty { pieces.append(.text(literal)) }
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[1].text, argument: 1)
            let rewrite = try Rewrite(r[2].text, groups: re.groupCount)
            var s = r[0].text
            let replaced = s.withUTF8 { t -> String in
                var out: [UInt8] = []
                out.reserveCapacity(t.count)
                var copied = 0
                re.forEachMatch(in: t, groups: rewrite.highest + 1) { m in
                    let whole = m.range(0)!
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied..<whole.lowerBound]))
                    for piece in rewrite.pieces {
                        switch piece {
                        case .text(let bytes): out.append(contentsOf: bytes)
                        case .group(let g):
                            if let range = m.range(g) {
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[range]))
                            }
                        }
                    }
                    copied = whole.upperBound
                    return true
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied...]))
                return String(decoding: out, as: UTF8.self)
            }
            return .string(replaced)
        }
    }
}
