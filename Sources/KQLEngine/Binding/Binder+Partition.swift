import Columnar
import KQLSyntax

/// `partition` after binding: the body stays syntax, bound again for each partition when it runs (over the
/// partition's rows, or with the key column as a scalar for `{ query }`), so that `as` names and
/// `toscalar()` inside it see that partition. It was bound once here, over no rows, for its schema and errors.
public struct BoundPartition: Sendable {
    /// How the reference says partitions are run; the result does not depend on it, only the limits do.
    public enum Strategy: String, Sendable {
        case legacy, native, shuffle
    }
    public var strategy: Strategy
    /// The input column whose values split the rows.
    public var key: Int
    public var keyName: String
    public var body: PartitionSyntax.Body
    public var bodySpan: SourceSpan
    /// The names the body sees (a snapshot).
    public var scope: Scope
    public var schema: Schema

    /// The most partitions the `legacy` strategy runs (the reference: "limited to 64 partitions").
    public static let legacyLimit = 64
}

extension Binder {
    func bindPartition(_ p: PartitionSyntax, schema: Schema, scope: Scope, span: SourceSpan) throws(KQLError)
        -> BoundPartition
    {
        var strategy = BoundPartition.Strategy.legacy
        for o in p.options {
            switch o.name.lowercased() {
            case "hint.strategy":
                guard case .name(let n) = o.value, let s = BoundPartition.Strategy(rawValue: n.name.lowercased()) else {
                    throw KQLError(.argument, "hint.strategy must be legacy, native or shuffle", span: o.span)
                }
                strategy = s
            case "hint.materialized":
                guard case .literal(.bool, _, _) = o.value else {
                    throw KQLError(.argument, "hint.materialized must be true or false", span: o.span)
                }
            case "hint.concurrency", "hint.spread":
                guard case .literal(.long(let v), _, _) = o.value, v > 0 else {
                    throw KQLError(.argument, "\(o.name) must be a positive whole number", span: o.span)
                }
            case "hint.shufflekey":
                guard case .name(let n) = o.value, schema.index(of: n.name) != nil else {
                    throw KQLError(.argument, "hint.shufflekey must name a column of the input", span: o.span)
                }
            default:
                throw KQLError(
                    .argument, "partition has no option '\(o.name)'", span: o.span,
                    hint:
                        "its hints are hint.strategy, hint.materialized, hint.concurrency, hint.spread and hint.shufflekey"
                )
            }
        }
        guard let key = schema.index(of: p.key.name) else { throw unknownColumn(p.key, schema) }
        // The partition page allows `{ query }` only with the legacy strategy, but the reference's own examples
        // (geo_point_in_polygon's) write it with hint.strategy=native, and ADX runs them: it is accepted with all three.
        var bound = BoundPartition(
            strategy: strategy, key: key, keyName: p.key.name, body: p.body, bodySpan: p.bodySpan,
            scope: scope, schema: schema)
        let type = schema.fields[key].type
        let sample = try bindPartitionBody(
            bound, rows: Table(schema: schema, columns: schema.fields.map { Column.empty($0.type) }, rowCount: 0),
            key: Cast.null(type))
        if sample.schemaIsDeferred {
            throw KQLError(
                .unsupported,
                "a partition subquery must have a known schema; a plugin whose output is inferred cannot end it",
                span: p.bodySpan)
        }
        bound.schema = sample.schema
        return bound
    }

    /// The body bound for one partition: over its rows, or (`{ query }`) with the key column as a scalar.
    func bindPartitionBody(_ p: BoundPartition, rows: Table, key: Value) throws(KQLError) -> BoundQuery {
        var scope = p.scope
        switch p.body {
        case .operators(let ops):
            var q = BoundQuery(source: .rows(rows), schema: rows.schema)
            for op in ops { q = try bindOperator(op, input: q, scope: &scope) }
            return q
        case .query(let e):
            scope[p.keyName] = .scalar(.constant(key, rows.schema.fields[p.key].type))
            return try bindTabular(e, scope: scope)
        }
    }
}
