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
        return try targetType(args)
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let name = self.name
        var out = ScalarType.string
        if args.count == 4, let c = args[3].constantValue, let t = ScalarType(kqlName: c.text) { out = t }
        let target = out
        return try Kernel.boxedStrict(Array(args.prefix(3)), out: target, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let re = try RegexCache.shared.regex(r[0].text, function: name)
            guard let g = Numeric.long(r[1]), g >= 0, g <= re.groupCount else {
                throw FunctionError(.argument, "extract(): capture group \(r[1].text) does not exist in '\(r[0].text)'", argument: 1)
            }
            let s = r[2].text
            guard let m = re.firstMatch(in: s), let range = m[Int(g)] else {
                return target == .string ? .string("") : .null
            }
            let text = String(s[range])
            return target == .string ? .string(text) : Conversion.convert(.string(text), to: target)
        }
    }
}
