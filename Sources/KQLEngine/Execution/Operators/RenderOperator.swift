import Columnar
import KQLSyntax

/// `render`: records the requested chart on the table; nothing is drawn.
struct RenderOperator {
    let visualization: Visualization

    func execute(_ input: Table) -> Table {
        var t = input
        t.visualization = visualization
        return t
    }
}

extension RenderOperator: PhysicalOperator {
    var name: String { "render" }
    var traits: OperatorTraits { .rowWise }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { execute(input) }
}
