import Columnar
import KQLSyntax

/// `mv-apply` after binding: how to expand each row, the subquery bound over the expanded subtable, and
/// which input columns are repeated beside its results.
public struct BoundMvApply: Sendable {
    /// Expands one row into the subtable (over the input with a row-number column appended).
    public var expand: BoundMvExpand
    /// Runs with the subtable as its `.input` source.
    public var subquery: BoundQuery
    /// Input columns the subquery's result lacks, put back in front of its columns.
    public var kept: [Int]
    public var schema: Schema
}

extension Binder {
    /// The subtable is the row expanded as `mv-expand` would (so the subquery sees every column); the
    /// non-expanded columns its result dropped are added back.
    func bindMvApply(_ m: MvApplySyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundMvApply {
        let (expand, subSchema) = try bindMvExpand(
            MvExpandSyntax(options: m.options, items: m.items, limit: m.limit),
            schema: schema, scope: scope)
        var sub = BoundQuery(source: .input, schema: subSchema)
        // mv-expand keeps the array order, so the subquery may use row_number(), prev() and the like.
        sub.isSerialized = true
        var subScope = scope
        for op in m.subquery { sub = try bindOperator(op, input: sub, scope: &subScope) }
        if sub.schemaIsDeferred {
            throw KQLError(
                .unsupported,
                "an mv-apply subquery must have a known schema; a plugin whose output is inferred cannot end it",
                span: m.subquery.last?.span)
        }
        let produced = Set(sub.schema.names)
        let expanded = Set(expand.items.map(\.name))
        let kept = schema.fields.indices.filter {
            !expanded.contains(schema.fields[$0].name) && !produced.contains(schema.fields[$0].name)
        }
        return BoundMvApply(
            expand: expand, subquery: sub, kept: kept,
            schema: Schema(kept.map { schema.fields[$0] } + sub.schema.fields))
    }
}
