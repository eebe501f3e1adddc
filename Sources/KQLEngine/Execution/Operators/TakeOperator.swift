import Columnar
import KQLSyntax

/// `take`/`limit`: the first `count` rows (in input order; KQL promises no order for unsorted input).
struct TakeOperator {
    let count: Int

    func execute(_ input: Table) -> Table {
        guard input.rowCount > count else { return input }
        return input.gather(Array(0..<count))
    }
}

extension TakeOperator: PhysicalOperator {
    var name: String { "take" }
    /// The first rows of the whole input, in order.
    var traits: OperatorTraits { .preservesOrder }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { execute(input) }
}
