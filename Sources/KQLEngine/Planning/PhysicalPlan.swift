import Columnar
import KQLSyntax

/// A query ready to run: a source node and the nodes applied, in order, to the table it produces.
///
/// Made from a bound query by the ``Planner`` and run by the ``Executor``. A `let` chain is one flat
/// pipeline here (the planner unwinds it), so running a plan costs no stack per `let`.
struct PhysicalPlan: Sendable {
    /// Produces the pipeline's first table.
    var source: PlanNode
    /// Each runs over the output of the one before it (the first over the source's).
    var operators: [PlanNode]

    /// The schema the plan produces, or nil when it is known only once it has run.
    var schema: Schema? { operators.last.map(\.schema) ?? source.schema }

    /// A plan that yields a table already in hand.
    static func rows(_ t: Table) -> PhysicalPlan {
        PhysicalPlan(source: PlanNode(RowsOperator(table: t), schema: t.schema), operators: [])
    }
}

/// One node of a plan with the schema it produces.
struct PlanNode: Sendable {
    var op: any PhysicalOperator
    /// The node's output schema; nil when it is known only once the node has run (a plugin whose output
    /// is inferred, and everything bound after it).
    var schema: Schema?

    init(_ op: any PhysicalOperator, schema: Schema?) { self.op = op; self.schema = schema }
}
