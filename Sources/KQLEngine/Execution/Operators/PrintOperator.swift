import Columnar
import KQLSyntax

/// `print`: one row of the given expressions.
struct PrintOperator {
    let items: [(name: String, value: BoundExpression)]

    func execute(_ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let one = Table(schema: Schema([]), columns: [], rowCount: 1)
        var cols: [(String, Column)] = []
        for (name, e) in items { cols.append((name, try evaluator.column(e, over: one))) }
        return Table(schema: Schema(cols.map { Field($0.0, $0.1.type) }), columns: cols.map(\.1), rowCount: 1)
    }
}

extension PrintOperator: PhysicalOperator {
    var name: String { "print" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table { try execute(executor.evaluator) }
}
