import Columnar
import KQLSyntax

/// A table whose rows are known before the query runs (`datatable`, or a plugin's output that the
/// operators after it were bound against).
struct RowsOperator: PhysicalOperator {
    let table: Table

    var name: String { "datatable" }
    var traits: OperatorTraits { .rowWise }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { table }
}
