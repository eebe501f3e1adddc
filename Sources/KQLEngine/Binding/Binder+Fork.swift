import Columnar
import KQLSyntax

/// `fork`, `facet`, `evaluate preview(n)` and plugins with several result tables, which end a query statement
/// with several tables: the pipeline before them is materialized once, and each table is an ordinary query over it.
extension Binder {
    /// The queries a tabular statement yields: one, or one per `fork` branch, `facet` table or plugin result
    /// table (``TabularPlugin/resultTables``) when the statement ends in one of them.
    public func bindResults(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) -> [BoundQuery] {
        guard case .pipeline(let source, let ops, let span) = e, let last = ops.last else {
            return [try bindTabular(e, scope: scope)]
        }
        let branches: [[OperatorSyntax]]
        switch last.kind {
        case .fork(let f):
            branches = f.branches.map(\.operators)
        case .facet(let f):
            branches = (f.with.map { [$0] } ?? []) + f.columns.map { [Binder.facetCount($0, span: last.keywordSpan)] }
        case .evaluate(let ev) where ev.plugin.name == "preview" && !ev.inlineForm:
            branches = try Binder.previewBranches(ev)
        case .evaluate(let ev) where (plugins[ev.plugin.name]?.resultTables ?? 1) > 1:
            // A plugin with several result tables: one run per table over the materialized input.
            branches = (0..<plugins[ev.plugin.name]!.resultTables).map { k in
                var e = ev
                e.arguments.append(
                    ArgumentSyntax(
                        name: NameSyntax(PluginArguments.resultTableArgument, span: ev.plugin.span),
                        value: .literal(.long(Int64(k)), .long, ev.plugin.span)))
                return [OperatorSyntax(kind: .evaluate(e), span: last.span, keywordSpan: last.keywordSpan)]
            }
        default:
            return [try bindTabular(e, scope: scope)]
        }
        let before = ops.dropLast()
        let prefix = try bindTabular(
            before.isEmpty ? source : .pipeline(source: source, operators: Array(before), span: span),
            scope: scope)
        var input = BoundQuery(source: .materialized(id: makeMaterializeID(), prefix), schema: prefix.schema)
        input.isSerialized = prefix.isSerialized
        var results: [BoundQuery] = []
        for branch in branches {
            var q = input
            var s = scope
            for op in branch { q = try bindOperator(op, input: q, scope: &s) }
            results.append(q)
        }
        return results
    }

    /// `summarize count_c = count() by c`, the table `facet` makes for column `c`.
    static func facetCount(_ c: NameSyntax, span: SourceSpan) -> OperatorSyntax {
        let count = ExpressionSyntax.call(name: NameSyntax("count", span: c.span), arguments: [], span: c.span)
        let s = SummarizeSyntax(
            options: [],
            aggregates: [AssignmentSyntax(names: [NameSyntax("count_\(c.name)", span: c.span)], value: count)],
            by: [AssignmentSyntax(value: .name(c))])
        return OperatorSyntax(kind: .summarize(s), span: c.span, keywordSpan: span)
    }

    /// `evaluate preview(n)`: two tables, the input's first `n` rows (`take n`) and its row count (`count`),
    /// as the reference describes the plugin.
    static func previewBranches(_ ev: EvaluateSyntax) throws(KQLError) -> [[OperatorSyntax]] {
        guard ev.arguments.count == 1, let n = ev.arguments.first, n.name == nil else {
            throw KQLError(
                .argument, "preview takes one argument, the number of rows to show: evaluate preview(50)",
                span: ev.plugin.span)
        }
        return [
            [OperatorSyntax(kind: .take(count: n.value), span: n.value.span, keywordSpan: ev.plugin.span)],
            [OperatorSyntax(kind: .count(name: nil), span: ev.plugin.span, keywordSpan: ev.plugin.span)],
        ]
    }

    static func notLastOperator(_ name: String, _ span: SourceSpan) -> KQLError {
        KQLError(
            .argument, "'\(name)' must be the last operator of a query statement", span: span,
            hint: "its results are tables of their own: they cannot flow into another operator, a let or a subquery")
    }
}
