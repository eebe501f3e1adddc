import Columnar
import KQLSyntax

/// Keeps some of its input's columns, without copying them: the planner puts one before a run of
/// `where`/`extend` whose filter would otherwise copy columns nothing after it reads (``ColumnPruning``).
struct KeepColumnsOperator: PhysicalOperator {
    /// Input column indices, in output order.
    let columns: [Int]

    var name: String { "project-keep" }
    var traits: OperatorTraits { .rowWise }
    /// It shares its input's buffers.
    var isAccounted: Bool { false }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        ColumnPruning.keep(columns, of: input)
    }
}
