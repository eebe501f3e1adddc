import Columnar
import Foundation

/// Typed literals (`datetime(...)`, `long(null)`, `real(+inf)`, ...), `dynamic(...)` and `typeof(...)`.
extension SyntaxParser {
    func typedLiteral(type word: String, body raw: String, token: Token) throws(KQLError) -> ExpressionSyntax {
        guard let type = ScalarType(kqlName: word) else { throw error("unknown type '\(word)'", at: token) }
        var body = raw.trimmingCharacters(in: .whitespaces)
        // ADX also accepts the body quoted: datetime("2015-01-01"), datetime('2015-01-01').
        if body.count >= 2, let q = body.first, q == "\"" || q == "'", body.last == q {
            body = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        let span = token.span
        if body.lowercased() == "null" { return .literal(.null, type, span) }
        func bad(_ hint: String) -> KQLError {
            KQLError(.parse, "invalid \(word) literal '\(body)'", span: span, hint: hint)
        }
        switch type {
        case .datetime:
            // The sliding_window_counts page writes datetime(2017 - 08 - 01): spaces around a date's dashes.
            if body.contains(" - "), body.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) {
                body = body.replacingOccurrences(of: " ", with: "")
            }
            guard let v = DateTimeFormat.parse(body) else {
                throw bad("write an ISO 8601 date such as datetime(2024-01-31) or datetime(2024-01-31 10:00:00.5)")
            }
            return .literal(.datetime(v), .datetime, span)
        case .timespan:
            guard let v = TimespanFormat.parse(body) else {
                throw bad("write a timespan such as time(1.02:03:04), time(2d) or time(90s)")
            }
            return .literal(.timespan(v), .timespan, span)
        case .guid:
            guard let g = UUID(uuidString: body) else {
                throw bad("write a GUID such as guid(74be27de-1e4e-49d9-b579-fe0b331d3642)")
            }
            return .literal(.guid(g), .guid, span)
        case .bool:
            switch body.lowercased() {
            case "true": return .literal(.bool(true), .bool, span)
            case "false": return .literal(.bool(false), .bool, span)
            default: throw bad("write bool(true), bool(false) or bool(null)")
            }
        case .int:
            guard let v = SyntaxParser.integer(body), let i = Int32(exactly: v) else {
                throw bad("an int is a 32-bit integer, for example int(5)")
            }
            return .literal(.int(i), .int, span)
        case .long:
            guard let v = SyntaxParser.integer(body) else {
                throw bad("a long is a 64-bit integer, for example long(5)")
            }
            return .literal(.long(v), .long, span)
        case .real:
            guard let v = SyntaxParser.real(body) else {
                throw bad("write a number, real(nan), real(+inf) or real(-inf)")
            }
            return .literal(.real(v), .real, span)
        case .decimal:
            guard SyntaxParser.isDecimalText(body),
                let d = Decimal(string: body, locale: Locale(identifier: "en_US_POSIX")), !d.isNaN
            else {
                throw bad("write a number such as decimal(1.5)")
            }
            return .literal(.decimal(d), .decimal, span)
        case .string, .dynamic:
            throw error("\(word)(...) is not a literal here", at: token)
        }
    }

    static func integer(_ s: String) -> Int64? {
        var t = Substring(s)
        var negative = false
        if t.first == "-" { negative = true; t = t.dropFirst() } else if t.first == "+" { t = t.dropFirst() }
        let v: Int64?
        if t.hasPrefix("0x") || t.hasPrefix("0X") { v = Int64(t.dropFirst(2), radix: 16) } else { v = Int64(t) }
        guard let v else { return negative && t == "9223372036854775808" ? Int64.min : nil }
        // `--9223372036854775808` reads as -(Int64.min), which does not fit.
        return negative ? CheckedMath.negate(v) : v
    }

    static func real(_ s: String) -> Double? {
        switch s.lowercased() {
        case "nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard s.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else { return nil }
            return Double(s)
        }
    }

    static func isDecimalText(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isNumber || "+-.eE".contains($0) } && s.contains { $0.isNumber }
    }

    /// `dynamic(...)`: JSON with KQL's additions (single-quoted strings, typed literals such as `datetime(...)`).
    /// `depth` is the nesting of the value this literal sits in (`dynamic([dynamic([1])])` nests two levels).
    func parseDynamicLiteral(depth: Int = 0) throws(KQLError) -> ExpressionSyntax {
        let start = advance()
        let open = try expectPunct("(", after: "'dynamic'")
        if isWord("null"), isPunct(")", 1) {
            advance()
            return .literal(.null, .dynamic, SourceSpan(start.span.start, advance().span.end))
        }
        let value = try parseDynamicValue(depth: depth)
        guard isPunct(")") else { throw expected("')'", after: "the dynamic value (opened at \(location(open)))") }
        return .literal(.dynamic(value), .dynamic, SourceSpan(start.span.start, advance().span.end))
    }

    func parseDynamicValue(depth: Int) throws(KQLError) -> Dynamic {
        guard depth < Dynamic.maxNesting else {
            throw KQLError(
                .queryTooComplex, "the dynamic literal nests more than \(Dynamic.maxNesting) arrays and property bags",
                span: current.span, hint: "see docs/limits.md")
        }
        let t = current
        switch t.kind {
        case .punct where t.text == "[":
            advance()
            var items: [Dynamic] = []
            if !isPunct("]") {
                repeat {
                    if isPunct("]") { break }  // trailing comma
                    items.append(try parseDynamicValue(depth: depth + 1))
                } while eatPunct(",")
            }
            guard isPunct("]") else { throw expected("',' or ']'", after: "an array element") }
            advance()
            return .array(items)
        case .punct where t.text == "{":
            advance()
            var bag = PropertyBag()
            if !isPunct("}") {
                repeat {
                    if isPunct("}") { break }
                    let key: String
                    switch current.kind {
                    case .string(let s, _): key = s
                    case .identifier: key = current.text
                    default: throw expected("a property name", after: "'{' or ','")
                    }
                    advance()
                    try expectPunct(":", after: "the property name '\(key)'")
                    bag[key] = try parseDynamicValue(depth: depth + 1)
                } while eatPunct(",")
            }
            guard isPunct("}") else { throw expected("',' or '}'", after: "a property") }
            advance()
            return .bag(bag)
        case .punct where t.text == "-" || t.text == "+":
            advance()
            let sign: Double = t.text == "-" ? -1 : 1
            switch current.kind {
            case .long(let v): advance(); return .long(sign < 0 ? -v : v)
            case .real(let v): advance(); return .real(sign * v)
            case .timespan(let v): advance(); return .timespan(sign < 0 ? -v : v)
            default: throw expected("a number", after: "'\(t.text)'")
            }
        case .long(let v): advance(); return .long(v)
        case .real(let v): advance(); return .real(v)
        case .timespan(let v): advance(); return .timespan(v)
        case .string:
            if case .literal(.string(let s), _, _) = parseStringLiteral() { return .string(s) }
            return .null
        case .typedLiteral(let type, let body):
            advance()
            if case .literal(let v, _, _) = try typedLiteral(type: type, body: body, token: t) { return v.asDynamic }
            return .null
        case .identifier:
            switch t.text {
            case "null": advance(); return .null
            case "true": advance(); return .bool(true)
            case "false": advance(); return .bool(false)
            case "dynamic" where isPunct("(", 1):
                if case .literal(let v, _, _) = try parseDynamicLiteral(depth: depth + 1) { return v.asDynamic }
                return .null
            default: break
            }
        default: break
        }
        throw expected("a JSON value (number, string, true, false, null, [...] or {...})")
    }
}
