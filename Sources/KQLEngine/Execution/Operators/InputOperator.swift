import Columnar
import KQLSyntax

/// The table an `mv-apply` subquery runs over (innermost first), as its source.
struct InputOperator: PhysicalOperator {
    var name: String { "query" }
    var traits: OperatorTraits { .preservesOrder }
    var isAccounted: Bool { false }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        guard let t = executor.context.inputs.last else {
            throw KQLError(.runtime, "invoke body ran without an input table")
        }
        return t
    }
}
