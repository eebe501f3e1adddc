import Columnar
import KQLSyntax

/// `extend` (and `serialize` with assignments): adds computed columns; an existing name is replaced
/// in place. Each column sees the ones computed before it.
struct ExtendOperator {
    let bound: BoundExtend

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var fields = input.schema.fields
        var columns = input.columns
        for (name, e) in bound.columns {
            let current = Table(schema: Schema(fields), columns: columns, rowCount: input.rowCount)
            let c = try evaluator.column(e, over: current)
            if let i = fields.firstIndex(where: { $0.name == name }) {
                fields[i] = Field(name, c.type); columns[i] = c
            } else {
                fields.append(Field(name, c.type)); columns.append(c)
            }
        }
        var out = Table(schema: Schema(fields), columns: columns, rowCount: input.rowCount)
        out.visualization = input.visualization
        return out
    }
}

extension ExtendOperator: PhysicalOperator {
    var name: String { "extend" }
    /// Row by row unless a computed column reads neighbouring rows (`row_number`, `prev`, ...).
    var traits: OperatorTraits { bound.columns.allSatisfy { $0.value.readsOnlyItsRow } ? .rowWise : .preservesOrder }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
