import Columnar
import KQLSyntax

/// The operators after a plugin whose output schema is known only once it ran (a `python()` without
/// `typeof`): when this node runs, they are bound against the table the plugin produced, planned, and run.
///
/// The node holds only their syntax and the scope they stand in; the query's binder (which keeps the
/// query's `set` options and `materialize` ids) is the execution context's.
struct DeferredOperator: PhysicalOperator {
    let deferred: DeferredOperators

    var name: String { "the operators after a plugin" }
    var traits: OperatorTraits { [] }
    /// The operators it binds are accounted one by one.
    var isAccounted: Bool { false }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let binder = try executor.context.queryBinder()
        var q = BoundQuery(source: .rows(input), schema: input.schema)
        var scope = deferred.scope
        for o in deferred.operators { q = try binder.bindOperator(o, input: q, scope: &scope) }
        return try executor.run(Planner.plan(q))
    }
}
