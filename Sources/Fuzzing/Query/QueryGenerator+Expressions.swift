import Columnar

/// Scalar expressions of a wanted type: columns, literals, function calls and operators whose
/// signatures the catalogue derived from the registry.
extension QueryGenerator {
    /// An expression of type `want` (any type when nil) over `scope`, and the type it has.
    mutating func expression(_ want: ScalarType?, _ scope: [Field], depth: Int) -> (text: String, type: ScalarType) {
        budget -= 1
        let type =
            want ?? (scope.isEmpty || input.chance(30) ? input.pick(ScalarType.allCases) : input.pick(scope).type)
        if depth >= Self.maxDepth || budget <= 0 { return (leaf(type, scope), type) }
        let d = depth + 1
        switch input.choose(20) {
        case 0...5:
            return (leaf(type, scope), type)
        case 6...10:
            return call(type, scope, depth: d) ?? (leaf(type, scope), type)
        case 11...14:
            guard let signatures = catalog.binary[type], !signatures.isEmpty else { return (leaf(type, scope), type) }
            let s = input.pick(signatures)
            let l = expression(s.arguments[0], scope, depth: d).text,
                r = expression(s.arguments[1], scope, depth: d).text
            return ("(\(l) \(s.name) \(r))", type)
        case 15:
            if input.chance(50) {
                let c = expression(.bool, scope, depth: d).text
                return (
                    "iff(\(c), \(expression(type, scope, depth: d).text), \(expression(type, scope, depth: d).text))",
                    type
                )
            }
            var parts: [String] = []
            for _ in 0...input.choose(2) {
                parts.append(expression(.bool, scope, depth: d).text);
                parts.append(expression(type, scope, depth: d).text)
            }
            parts.append(expression(type, scope, depth: d).text)
            return ("case(\(parts.joined(separator: ", ")))", type)
        case 16:
            if catalog.negatable.contains(type), input.chance(60) {
                return ("-" + leafOrParenthesized(type, scope, depth: d), type)
            }
            return ("(\(expression(type, scope, depth: d).text))", type)
        case 17:
            return special(type, scope, depth: d)
        case 18:
            if let f = userFunctions.filter({ $0.result == type }).first, input.chance(70) {
                let arguments = f.parameters.map { expression($0, scope, depth: d).text }
                return ("\(Self.reference(f.name))(\(arguments.joined(separator: ", ")))", type)
            }
            if type == .long, input.chance(50) {
                let inner = tabular(depth: max(d, 2))
                return ("toscalar(\(inner.text)\n| summarize count())", .long)
            }
            return (leaf(type, scope), type)
        default:
            // Now and then something that should not bind: a missing column, an unsupported function.
            if input.chance(50), !catalog.unsupportedFunctions.isEmpty {
                return ("\(input.pick(catalog.unsupportedFunctions))(\(leaf(type, scope)))", type)
            }
            return (input.pick(["nosuchcolumn", "T", "$left.k", "k.x", "tostring(", "d[", "1 +"]), type)
        }
    }

    /// A column or `let` name of `type`, or a literal.
    mutating func leaf(_ type: ScalarType, _ scope: [Field]) -> String {
        if input.chance(60) {
            let names = scope.filter { $0.type == type } + scalarLets.filter { $0.type == type }
            if !names.isEmpty { return Self.reference(input.pick(names).name) }
        }
        return literal(type)
    }

    private mutating func leafOrParenthesized(_ type: ScalarType, _ scope: [Field], depth: Int) -> String {
        input.chance(50) ? leaf(type, scope) : "(\(expression(type, scope, depth: depth).text))"
    }

    /// A registry function returning `type`, with arguments of the types its signature takes.
    mutating func call(_ type: ScalarType, _ scope: [Field], depth: Int) -> (text: String, type: ScalarType)? {
        let groups = catalog.scalars(returning: type)
        guard !groups.isEmpty else { return nil }
        let signature = input.pick(input.pick(groups))
        let arguments = signature.arguments.map { t in
            signature.needsConstants || input.chance(20) ? literal(t) : expression(t, scope, depth: depth).text
        }
        return ("\(signature.name)(\(arguments.joined(separator: ", ")))", type)
    }

    /// Forms with a shape of their own: membership, ranges and dynamic access; the binder's own functions.
    mutating func special(_ type: ScalarType, _ scope: [Field], depth: Int) -> (text: String, type: ScalarType) {
        switch type {
        case .bool:
            if input.chance(50), !catalog.setMembership.isEmpty {
                let s = input.pick(catalog.setMembership)
                let items = (0...input.choose(3)).map { _ in
                    input.chance(70) ? literal(s.arguments[1]) : expression(s.arguments[1], scope, depth: depth).text
                }
                let list =
                    input.chance(10)
                    ? "(\(FuzzDatabase.schemas[0].0) | project k)" : "(\(items.joined(separator: ", ")))"
                return ("(\(expression(s.arguments[0], scope, depth: depth).text) \(s.name) \(list))", .bool)
            }
            if let t = catalog.betweenTypes.isEmpty ? nil : input.pick(catalog.betweenTypes) {
                let v = expression(t, scope, depth: depth).text, lo = leaf(t, scope), hi = leaf(t, scope)
                return ("(\(v) \(input.chance(80) ? "between" : "!between") (\(lo) .. \(hi)))", .bool)
            }
        case .dynamic:
            let base = leafOrParenthesized(.dynamic, scope, depth: depth)
            switch input.choose(4) {
            case 0: return ("\(base)[\(input.pick(["0", "1", "-1", "100", "9223372036854775807"]))]", .dynamic)
            case 1: return ("\(base)[\(input.pick(["'x'", "\"y\"", "''", "'a b'"]))]", .dynamic)
            case 2: return ("\(base).\(input.pick(["x", "y", "z", "a"]))", .dynamic)
            default: return ("\(base)[\(expression(input.pick([.long, .string]), scope, depth: depth).text)]", .dynamic)
            }
        default: break
        }
        if !catalog.specialFunctions.isEmpty {
            let name = input.pick(catalog.specialFunctions)
            let arguments = (0..<input.choose(3)).map { _ in expression(nil, scope, depth: depth).text }
            return ("\(name)(\(arguments.joined(separator: ", ")))", type)
        }
        return (leaf(type, scope), type)
    }
}
