import Columnar

/// `render`: records the requested chart on the table; nothing is drawn.
struct RenderOperator {
    let visualization: Visualization

    func execute(_ input: Table) -> Table {
        var t = input
        t.visualization = visualization
        return t
    }
}
