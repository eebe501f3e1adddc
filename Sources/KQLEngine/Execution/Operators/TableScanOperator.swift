import Columnar
import KQLSyntax

/// A stored table, read from the database when the query runs.
struct TableScanOperator: PhysicalOperator {
    let table: String

    var name: String { table }
    /// Where a scan will hand out slices of the table (and where a filter or projection pushed down will go).
    var traits: OperatorTraits { .rowWise }
    /// The table belongs to the database; the query makes nothing.
    var isAccounted: Bool { false }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        guard let t = executor.context.database.table(named: table) else {
            throw KQLError(.unknownName, "table '\(table)' no longer exists")
        }
        return t
    }
}
