import Columnar
import Foundation

/// `replace_regex(text, regex, rewrite)`: every match of `regex` replaced by `rewrite`, where
/// `\1`..`\9` name capture groups (RE2 style).
struct ReplaceRegexFunction: ScalarFunction {
    let name = "replace_regex"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .string, .string]); return .string
    }

    /// RE2's `\N` group references as an NSRegularExpression template (`$N`, literal `$` escaped).
    static func template(_ rewrite: String) -> String {
        var out = ""
        var it = Array(rewrite)
        var i = 0
        while i < it.count {
            let c = it[i]
            if c == "\\", i + 1 < it.count, it[i + 1].isNumber { out += "$" + String(it[i + 1]); i += 2; continue }
            if c == "$" { out += "\\$" } else if c == "\\" { out += "\\\\" } else { out.append(c) }
            i += 1
        }
        it.removeAll()
        return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let name = self.name
        return try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[1].text, function: name).regex
            let s = r[0].text
            return .string(re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s),
                                                       withTemplate: Self.template(r[2].text)))
        }
    }
}
