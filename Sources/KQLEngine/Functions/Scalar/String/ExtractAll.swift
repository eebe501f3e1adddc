import Columnar

/// `extract_all(regex, [groups,] text)`: every match as a dynamic array. With one capture group
/// each element is that group's text; with several, an array of the groups; `groups` (a dynamic
/// array of indices or names) selects which. No match gives null.
struct ExtractAllFunction: ScalarFunction {
    let name = "extract_all"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        if args.count == 3 {
            try Signature.check(name, args, [.string, .dynamic, .string])
        } else {
            try Signature.check(name, args, [.string, .string])
        }
        if let p = args[0].constant {
            let re = try RegexCache.shared.regex(p.text, argument: 0)
            if args.count == 3, case .dynamic(let sel)? = args[1].constant { _ = try Self.groups(sel, of: re) }
        }
        return .dynamic
    }

    /// The group numbers `selection` names (all groups, or the whole match when there are none, if nil).
    static func groups(_ selection: Dynamic?, of re: CompiledRegex) throws(FunctionError) -> [Int] {
        guard case .array(let items)? = selection else { return re.groupCount == 0 ? [0] : Array(1...re.groupCount) }
        var groups: [Int] = []
        for item in items {
            switch item {
            case .long(let i) where i >= 0 && i <= re.groupCount: groups.append(Int(i))
            case .string(let n) where re.group(named: n) != nil: groups.append(re.group(named: n)!)
            default:
                throw FunctionError(
                    .argument, "capture group \(Value.dynamic(item).text) does not exist in '\(re.pattern)'",
                    argument: 1)
            }
        }
        return groups
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[0].text, argument: 0)
            var selection: Dynamic?
            if r.count == 3, case .dynamic(let sel) = r[1] { selection = sel }
            let groups = try Self.groups(selection, of: re)
            let highest = groups.max() ?? 0
            var s = r[r.count - 1].text
            var items: [Dynamic] = []
            s.withUTF8 { t in
                re.forEachMatch(in: t, groups: highest + 1) { m in
                    let texts = groups.map { g -> Dynamic in .string(m.range(g).map { CompiledRegex.text(t, $0) } ?? "")
                    }
                    items.append(groups.count == 1 ? texts[0] : .array(texts))
                    return true
                }
            }
            return items.isEmpty ? .dynamic(.null) : .dynamic(.array(items))
        }
    }
}
