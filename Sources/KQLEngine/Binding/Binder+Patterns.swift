import Columnar
import KQLSyntax

/// `declare pattern` statements and their invocations `P("a").path` (pattern-statement.md).
extension Binder {
    /// Records a pattern for the statements after it; its mappings' queries see the names declared before it.
    public func declarePattern(_ p: PatternSyntax, scope: Scope) throws(KQLError) {
        guard declarations.patterns[p.name.name] == nil else {
            throw KQLError(.argument, "pattern '\(p.name.name)' is already declared", span: p.name.span)
        }
        for (i, d) in p.definitions.enumerated()
        where p.definitions[..<i].contains(where: { $0.arguments == d.arguments && $0.path == d.path }) {
            throw KQLError(
                .argument,
                "pattern '\(p.name.name)' maps \(Binder.patternReference(p.name.name, d.arguments, d.path)) twice",
                span: d.span)
        }
        declarations.patterns[p.name.name] = (p, scope)
    }

    /// The pattern invocation `e` is — `P(args)` or `P(args).path` of a declared pattern — or nil.
    func patternInvocation(_ e: ExpressionSyntax) -> (name: NameSyntax, args: [ArgumentSyntax], path: NameSyntax?)? {
        switch Binder.unparenthesized(e) {
        case .call(let name, let args, _) where declarations.patterns[name.name] != nil:
            return (name, args, nil)
        case .member(.call(let name, let args, _), let path, _) where declarations.patterns[name.name] != nil:
            return (name, args, path)
        default:
            return nil
        }
    }

    /// The query a pattern maps the invocation's values to; a tuple it does not map (or any invocation of an
    /// empty pattern) is `E_UNKNOWN_NAME` naming the reference, as ADX's SEM0036 does.
    func bindPatternInvocation(
        _ name: NameSyntax, _ args: [ArgumentSyntax], path: NameSyntax?, span: SourceSpan, scope: Scope
    ) throws(KQLError) -> BoundQuery {
        guard let (p, captured) = declarations.patterns[name.name] else {
            throw KQLError(.unknownName, "unknown pattern '\(name.name)'", span: name.span)
        }
        var values: [String] = []
        for a in args {
            guard a.name == nil else {
                throw KQLError(.argument, "pattern arguments are positional strings", span: a.value.span)
            }
            values.append(try constantString(a.value, scope: scope, what: "pattern '\(name.name)'"))
        }
        if p.isDefined {
            guard values.count == p.parameters.count else {
                throw KQLError(
                    .argument,
                    "pattern '\(name.name)' takes \(p.parameters.count) argument(s) (\(p.parameters.map(\.name).joined(separator: ", "))), not \(values.count)",
                    span: span)
            }
            if let pathName = p.pathParameter?.name, path == nil {
                throw KQLError(
                    .argument, "pattern '\(name.name)' needs a value for its path '\(pathName)'", span: span,
                    hint: "invoke it as \(name.name)(...).value or \(name.name)(...).[\"value\"]")
            }
            if p.pathParameter == nil, path != nil {
                throw KQLError(
                    .argument, "pattern '\(name.name)' has no path; invoke it as \(name.name)(...)", span: span)
            }
            if let d = p.definitions.first(where: { $0.arguments == values && $0.path == path?.name }) {
                return try bindTabular(d.body, scope: captured)
            }
        }
        let reference = Binder.patternReference(name.name, values, path?.name)
        throw KQLError(
            .unknownName,
            "One or more pattern references were not declared. Detected pattern references: [\"\(reference)\"]",
            span: span,
            hint: "define the mapping in the pattern's declaration: declare pattern \(name.name) = (...) { ... };")
    }

    /// A pattern reference as ADX's SEM0036 prints it: `app('ApplicationX').['StartEvents']`.
    static func patternReference(_ name: String, _ values: [String], _ path: String?) -> String {
        let args = values.map { "'\($0)'" }.joined(separator: ", ")
        return "\(name)(\(args))" + (path.map { ".['\($0)']" } ?? "")
    }
}
