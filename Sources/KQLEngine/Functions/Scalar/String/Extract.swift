import Columnar

/// `extract(regex, group, text [, type])`: capture group `group` (0 = whole match) of the first
/// match, as a string, or converted to `type` when given (as a constant type name, e.g. from
/// `typeof(long)`). No match gives the empty string, or null of `type`.
struct ExtractFunction: ScalarFunction {
    let name = "extract"

    func targetType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        guard args.count == 4 else { return .string }
        if let c = args[3].constant, let t = ScalarType(kqlName: c.text) { return t }
        throw FunctionError(.type, "extract() argument 4 must be a type such as typeof(long)", argument: 3)
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .integer, .string, .any], arity: 3...4)
        if let p = args[0].constant {
            let re = try RegexCache.shared.regex(p.text, argument: 0)
            if let g = args[1].constant, !g.isNull { _ = try Self.group(g, of: re) }
        }
        return try targetType(args)
    }

    /// The group number `g` names, or an error when the pattern has no such group.
    static func group(_ g: Value, of re: CompiledRegex) throws(FunctionError) -> Int {
        guard let n = Numeric.long(g), n >= 0, n <= re.groupCount else {
            throw FunctionError(.argument, "capture group \(g.text) does not exist in '\(re.pattern)'", argument: 1)
        }
        return Int(n)
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var out = ScalarType.string
        if args.count == 4, let c = args[3].constantValue, let t = ScalarType(kqlName: c.text) { out = t }
        let target = out
        return try Kernel.boxedStrict(Array(args.prefix(3)), out: target, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[0].text, argument: 0)
            let g = try Self.group(r[1], of: re)
            var s = r[2].text
            let found = s.withUTF8 { t in
                re.firstMatch(in: t, groups: g + 1)?.range(g).map { CompiledRegex.text(t, $0) }
            }
            guard let text = found else { return target == .string ? .string("") : .null }
            return target == .string ? .string(text) : Cast.explicit(.string(text), to: target)
        }
    }
}
