import Columnar
import KQLSyntax

/// `project` and its relatives: the listed columns and expressions, in the listed order.
struct ProjectOperator {
    let bound: BoundProject

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var columns: [Column] = []
        for (_, e) in bound.columns { columns.append(try evaluator.column(e, over: input)) }
        let schema = Schema(zip(bound.columns, columns).map { Field($0.0.name, $0.1.type) })
        var out = Table(schema: schema, columns: columns, rowCount: input.rowCount)
        out.visualization = input.visualization
        return out
    }
}

extension ProjectOperator: PhysicalOperator {
    var name: String { "project" }
    /// Row by row unless a column reads neighbouring rows (`row_number`, `prev`, ...).
    var traits: OperatorTraits { bound.columns.allSatisfy { $0.value.readsOnlyItsRow } ? .rowWise : .preservesOrder }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
