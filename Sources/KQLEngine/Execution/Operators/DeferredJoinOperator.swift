import Columnar
import KQLSyntax

/// A `join`/`lookup` whose right side's schema is known only once it ran: the right side runs first,
/// then the keys and output columns are bound against both real tables and the join runs.
struct DeferredJoinOperator: PhysicalOperator {
    let join: DeferredJoin
    /// `join.right`, planned.
    let right: PhysicalPlan

    var name: String { "join" }
    var traits: OperatorTraits { [] }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let table = try executor.run(right)
        let bound = try executor.context.queryBinder().bindJoin(
            options: join.options, right: BoundQuery(source: .rows(table), schema: table.schema),
            conditions: join.conditions,
            lookup: join.lookup, left: input.schema, span: join.span)
        return try JoinOperator(bound: bound, right: .rows(table)).execute(
            left: input, right: table, executor.context.budget)
    }
}
