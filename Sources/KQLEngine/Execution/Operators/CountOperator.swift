import Columnar
import KQLSyntax

/// `count`: one row holding the number of input rows.
struct CountOperator {
    /// The output column's name (`Count` unless the query names it).
    let column: String

    func execute(_ input: Table) -> Table {
        Table([(column, Column(int64s: [Int64(input.rowCount)]))])
    }
}

extension CountOperator: PhysicalOperator {
    var name: String { "count" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { execute(input) }
}
