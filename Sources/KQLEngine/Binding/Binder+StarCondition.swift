import Columnar
import KQLSyntax

extension Binder {
    /// The operators `*` may stand on the left of: text searches, which `where * has "x"`, `search` and `find`
    /// apply to every column.
    static let starOperators: Set<BinaryOperator> = [
        .has, .hasCs, .hasPrefix, .hasPrefixCs, .hasSuffix, .hasSuffixCs, .contains, .containsCs,
        .startsWith, .startsWithCs, .endsWith, .endsWithCs, .matchesRegex, .equal, .equalCaseInsensitive,
    ]

    /// Binds `* op x`: true when any column of the row satisfies `column op x`, non-string columns compared as
    /// their text (`tostring`), as KQL's `where * has "term"` searches every column.
    func bindStarCondition(
        _ op: BinaryOperator, _ right: ExpressionSyntax, span: SourceSpan, schema: Schema,
        scope: Scope
    ) throws(KQLError) -> BoundExpression {
        guard Binder.starOperators.contains(op) else {
            throw KQLError(
                .type, "`*` cannot be compared with `\(op.rawValue)`", span: span,
                hint:
                    "`*` searches every column with has, contains, startswith, endswith, matches regex, == or =~ (and their _cs forms)"
            )
        }
        let conditions = schema.fields.map { f -> ExpressionSyntax in
            let name = ExpressionSyntax.name(NameSyntax(f.name, span: span))
            let subject =
                f.type == .string
                ? name
                : .call(name: NameSyntax("tostring", span: span), arguments: [ArgumentSyntax(value: name)], span: span)
            return .binary(op: op, left: subject, right: right, span: span)
        }
        guard let first = conditions.first else { return .constant(.bool(false), .bool) }
        if conditions.count == 1 { return try bindScalar(first, schema: schema, scope: scope) }
        let links = conditions.dropFirst().map { ChainLinkSyntax(op: .or, operand: $0) }
        return try bindScalar(.chain(first: first, links: Array(links), span: span), schema: schema, scope: scope)
    }
}
