import Columnar
import KQLSyntax

/// KQL's string predicates: `has`, `hasprefix`, `hassuffix`, `contains`, `startswith`, `endswith`
/// (case-insensitive; `_cs` forms are case-sensitive; `!` forms negate) and `matches regex`.
///
/// `has` looks for whole terms (maximal alphanumeric runs), `contains` for any substring. Strings
/// have no null in KQL: a null reads as the empty string.
struct StringOperator: ScalarFunction {
    let op: BinaryOperator
    var name: String { op.rawValue }

    enum Test { case has, hasPrefix, hasSuffix, contains, startsWith, endsWith, regex }

    /// The test, whether it is case-sensitive, and whether the result is negated.
    var shape: (Test, Bool, Bool) {
        switch op {
        case .has: return (.has, false, false)
        case .notHas: return (.has, false, true)
        case .hasCs: return (.has, true, false)
        case .notHasCs: return (.has, true, true)
        case .hasPrefix: return (.hasPrefix, false, false)
        case .notHasPrefix: return (.hasPrefix, false, true)
        case .hasPrefixCs: return (.hasPrefix, true, false)
        case .notHasPrefixCs: return (.hasPrefix, true, true)
        case .hasSuffix: return (.hasSuffix, false, false)
        case .notHasSuffix: return (.hasSuffix, false, true)
        case .hasSuffixCs: return (.hasSuffix, true, false)
        case .notHasSuffixCs: return (.hasSuffix, true, true)
        case .contains: return (.contains, false, false)
        case .notContains: return (.contains, false, true)
        case .containsCs: return (.contains, true, false)
        case .notContainsCs: return (.contains, true, true)
        case .startsWith: return (.startsWith, false, false)
        case .notStartsWith: return (.startsWith, false, true)
        case .startsWithCs: return (.startsWith, true, false)
        case .notStartsWithCs: return (.startsWith, true, true)
        case .endsWith: return (.endsWith, false, false)
        case .notEndsWith: return (.endsWith, false, true)
        case .endsWithCs: return (.endsWith, true, false)
        case .notEndsWithCs: return (.endsWith, true, true)
        default: return (.regex, true, false)
        }
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...2)
        for (i, a) in args.enumerated() where a.type != .string && a.type != .dynamic {
            throw FunctionError(
                .type, "operator '\(name)' expects string operands, got \(a.type.rawValue)", argument: i)
        }
        // A constant pattern is compiled while binding, so its errors point at the literal.
        if shape.0 == .regex, let p = args[1].constant { _ = try RegexCache.shared.regex(p.text, argument: 1) }
        return .bool
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let (test, cs, negated) = shape
        let n = context.rowCount
        if test == .regex {
            let cache = RegexCache.shared
            let y = StringArgument(args[1])
            let fixed = y.isConstant ? try cache.regex(y.constant, argument: 1) : nil
            var failure: FunctionError?
            var scanned = 0
            let r = Kernel.string2(args[0], args[1], out: .bool, rows: n) { (s, p) -> Bool? in
                if failure != nil { return nil }
                // A regex scan is the slowest per-row kernel: it stops at Ctrl-C or its deadline every 4,096 rows.
                scanned &+= 1
                if scanned & 0xFFF == 0 {
                    do throws(KQLError) { try context.budget.checkDeadline() } catch {
                        failure = FunctionError(error.code, error.message, hint: error.hint); return nil
                    }
                }
                if let fixed { return fixed.matches(s) }
                do throws(FunctionError) { return try cache.regex(p, argument: 1).matches(s) } catch {
                    failure = error; return nil
                }
            }
            if let failure { throw failure }
            return r
        }
        let hay = StringArgument(args[0]), pat = StringArgument(args[1])
        let fixedNeedle: [UInt8]? = pat.isConstant ? Array((cs ? pat.constant : pat.constant.lowercased()).utf8) : nil
        func check(_ s: String, _ needle: [UInt8]) -> Bool {
            var h = cs ? s : s.lowercased()
            let found = h.withUTF8 { hb in
                needle.withUnsafeBufferPointer { nb in
                    switch test {
                    case .has: return TextSearch.hasTerm(hb, nb)
                    case .hasPrefix: return TextSearch.hasTerm(hb, nb, prefixOnly: true)
                    case .hasSuffix: return TextSearch.hasTerm(hb, nb, suffixOnly: true)
                    case .contains: return TextSearch.contains(hb, nb)
                    case .startsWith: return TextSearch.startsWith(hb, nb)
                    default: return TextSearch.endsWith(hb, nb)
                    }
                }
            }
            return found != negated
        }
        func needle(_ i: Int) -> [UInt8] {
            fixedNeedle ?? Array((cs ? pat.string(i) : pat.string(i).lowercased()).utf8)
        }
        if hay.isConstant && pat.isConstant { return .scalar(.bool(check(hay.constant, needle(0))), .bool) }
        let w = FixedColumnWriter<Bool>(type: .bool, count: n)
        for i in 0..<n { w.set(i, check(hay.string(i), needle(i))) }
        return .column(w.finish())
    }
}
