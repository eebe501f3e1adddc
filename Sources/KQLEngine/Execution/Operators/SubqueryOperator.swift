import Columnar
import KQLSyntax

/// Another query's plan used as a source; with an id, `materialize(q)`: run once per `execute` and
/// cached in the ``ExecutionContext`` under that id.
struct SubqueryOperator: PhysicalOperator {
    /// The `materialize` call's id, or nil to run the plan every time.
    let materializeID: Int?
    let plan: PhysicalPlan

    var name: String { "query" }
    var traits: OperatorTraits { [] }
    /// Its plan's nodes are accounted one by one.
    var isAccounted: Bool { false }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        guard let id = materializeID else { return try executor.run(plan) }
        if let t = executor.context.materialized[id] { return t }
        let t = try executor.run(plan)
        executor.context.materialized[id] = t
        return t
    }
}
