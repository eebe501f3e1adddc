import Columnar

/// `extract_all(regex, [groups,] text)`: every match as a dynamic array. With one capture group
/// each element is that group's text; with several, an array of the groups; `groups` (a dynamic
/// array of indices or names) selects which. No match gives null.
struct ExtractAllFunction: ScalarFunction {
    let name = "extract_all"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        if args.count == 3 { try Signature.check(name, args, [.string, .dynamic, .string]) } else {
            try Signature.check(name, args, [.string, .string])
        }
        return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let name = self.name
        return try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[0].text, function: name)
            let s = r[r.count - 1].text
            var groups: [Int] = re.groupCount == 0 ? [0] : Array(1...re.groupCount)
            if r.count == 3, case .dynamic(.array(let sel)) = r[1] {
                let names = re.groupNames
                groups = []
                for item in sel {
                    switch item {
                    case .long(let i) where i >= 0 && i <= re.groupCount: groups.append(Int(i))
                    case .string(let n):
                        guard let k = names.firstIndex(of: n) else { fallthrough }
                        groups.append(k + 1)
                    default:
                        throw FunctionError(.argument, "extract_all(): capture group \(Value.dynamic(item).text) does not exist", argument: 1)
                    }
                }
            }
            let matches = re.allMatches(in: s)
            guard !matches.isEmpty else { return .dynamic(.null) }
            let items: [Dynamic] = matches.map { m in
                let texts = groups.map { g -> Dynamic in m[g].map { .string(String(s[$0])) } ?? .string("") }
                return groups.count == 1 ? texts[0] : .array(texts)
            }
            return .dynamic(.array(items))
        }
    }
}
