import Columnar
import KQLSyntax

/// Runs physical plans: the source, then each node over the whole table the one before it produced.
///
/// Each node the plan marks as accounted runs in an account of the statement's ``QueryBudget``: the
/// deadline is checked before it starts, and what its output holds beyond its input is settled against
/// the memory budget when it ends (operators that know their size in advance charge before they allocate).
final class Executor {
    let context: ExecutionContext
    var evaluator: ExpressionEvaluator { ExpressionEvaluator(context: context) }

    init(context: ExecutionContext) { self.context = context }

    /// Plans a bound query and runs it (sub-queries evaluated while binding: `toscalar`, tabular `in`).
    func run(_ q: BoundQuery) throws(KQLError) -> Table {
        try run(Planner.plan(q))
    }

    /// Runs a plan. A plan is one flat pipeline, so the length of a `let` chain costs no stack.
    /// Stretches of row-wise operators (closed by a decomposable `summarize`) whose input is large
    /// enough run over morsels on several threads (``QueryParallelism``); everything else node by node.
    func run(_ plan: PhysicalPlan) throws(KQLError) -> Table {
        var t = try run(plan.source, input: nil)
        let nodes = plan.operators
        var i = 0
        while i < nodes.count {
            if context.parallelism.splits(t.rowCount), let segment = MorselSegment.starting(at: i, in: nodes),
                let out = try run(segment, input: t)
            {
                t = out
                i = segment.end
                continue
            }
            t = try run(nodes[i], input: t)
            i += 1
        }
        return t
    }

    /// Runs one node over `input` (nil for a source), in a budget account of its own when it is accounted.
    func run(_ node: PlanNode, input: Table?) throws(KQLError) -> Table {
        let op = node.op
        let table = input ?? Executor.noInput
        guard op.isAccounted else { return try op.execute(table, self) }
        let budget = context.budget
        try budget.checkDeadline()
        budget.enter(op.name)
        let output: Table
        do { output = try op.execute(table, self) } catch { budget.abandon(); throw error }
        try budget.exit(settling: MemorySize.added(by: output, beyond: input))
        return output
    }

    /// What a source is given as its input.
    private static let noInput = Table([])
}
