import Columnar
import KQLSyntax

extension Binder {
    /// The column `search` adds, naming the table each row came from.
    static let searchSourceColumn = "$table"

    /// Binds `search [in (...)] Predicate` at the start of a query: the rows of each table for which the
    /// predicate holds, as a union of the tables' columns (`name_type` when types differ) after `$table`.
    /// A table with none of the columns the predicate names is not searched; one that lacks some of them
    /// sees nulls there.
    func bindSearch(_ s: SearchSyntax, span: SourceSpan, scope: Scope) throws(KQLError) -> BoundQuery {
        let legs = try searchLegs(s.tables, scope: scope, operatorName: "search")
        let columns = Binder.predicateColumns(s.predicate, legs: legs)
        var queries: [BoundQuery] = [], names: [String] = []
        for (leg, filtered, placeholders) in try filteredLegs(
            legs, predicate: s.predicate, columns: columns, span: span, scope: scope)
        {
            var q = filtered
            if !placeholders.isEmpty {
                var sc = scope
                let away = placeholders.map { ColumnPatternSyntax(pattern: $0, span: span) }
                q = try bindOperator(
                    OperatorSyntax(kind: .projectAway(away), span: span, keywordSpan: span), input: consume q,
                    scope: &sc)
            }
            queries.append(q)
            names.append(leg.name)
        }
        guard !queries.isEmpty else {
            return try emptyRows([Field(Binder.searchSourceColumn, .string)], span: span, scope: scope)
        }
        return Binder.unionOfLegs(queries, names: names, sourceColumn: Binder.searchSourceColumn)
    }

    /// Binds `T | search Predicate`: the input's rows for which the predicate holds, after a `$table` column
    /// naming the input's table (for an input that is not read from a table, the name `union` gives such a leg).
    func bindSearch(_ s: SearchSyntax, input: consuming BoundQuery, span: SourceSpan, scope: Scope) throws(KQLError)
        -> BoundQuery
    {
        var q = consume input
        let name: String
        if case .table(let t) = q.source { name = t } else { name = "union_arg0" }
        var sc = scope
        q = try bindOperator(
            OperatorSyntax(kind: .where(s.predicate), span: span, keywordSpan: span), input: consume q, scope: &sc)
        let (fields, mapping) = BoundUnion.layout([q.schema], inner: false, sourceColumn: Binder.searchSourceColumn)
        let u = BoundUnion(
            legs: [], includesInput: true, inner: false, sourceColumn: Binder.searchSourceColumn, legNames: [name],
            mapping: mapping, schema: Schema(fields))
        q.append(.union(u), producing: u.schema)
        return q
    }
}
