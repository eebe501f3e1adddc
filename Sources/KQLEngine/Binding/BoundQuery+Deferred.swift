import Columnar
import KQLSyntax

extension BoundQuery {
    /// Whether this query's schema is known only once it has run: it ends in a plugin whose output is
    /// inferred (a `python()` without `typeof`), in operators bound after one, or in a `union` or `join`
    /// over such a sub-query. `schema` is then only a placeholder: everything that reads the query's
    /// columns is bound (or laid out) against the table it actually produced, never against it.
    public var schemaIsDeferred: Bool {
        var q = self
        // Walks down the chain of wrapped queries (a `let` name, a parenthesized pipeline): no recursion.
        while true {
            if let last = q.operators.last {
                switch last {
                case .deferred, .deferredJoin: return true
                case .evaluate(let e): return e.schema == nil
                case .union(let u): return u.resolvesAtRun
                default: return false
                }
            }
            switch q.source {
            case .evaluate(let e): return e.schema == nil
            case .union(let u): return u.resolvesAtRun
            case .query(let inner), .materialized(_, let inner): q = inner
            default: return false
            }
        }
    }
}

/// A `join` or `lookup` whose right side's schema is known only once it has run: its keys and output
/// columns are bound then, against the right side's real table.
public struct DeferredJoin: Sendable {
    /// The join's options (`kind=...`), as written.
    public var options: [OptionSyntax]
    /// The `on` clause, as written.
    public var conditions: [JoinConditionSyntax]
    /// `lookup` rather than `join`.
    public var lookup: Bool
    /// Where the operator is, for errors.
    public var span: SourceSpan
    /// The right side, bound; it runs first.
    public var right: BoundQuery
}
