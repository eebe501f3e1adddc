import Columnar
import KQLSyntax

/// Evaluates bound scalar expressions over a whole table at once (column in, column out).
struct ExpressionEvaluator {
    let context: ExecutionContext

    /// The expression's value for every row of `table`: a column, or one scalar standing for all rows.
    func evaluate(_ e: BoundExpression, over table: Table) throws(KQLError) -> ColumnarValue {
        switch e {
        case .column(let i, _, _):
            return .column(table.columns[i])
        case .constant(let v, let t):
            return .scalar(v, t)
        case .call(let f, let args, let type, let span, _):
            if let chain = f as? OperatorChain {
                return try chain.evaluateSteps(context: context.functionContext(rowCount: table.rowCount)) {
                    (i: Int) throws(KQLError) -> ColumnarValue in try evaluate(args[i], over: table)
                }
            }
            var values: [ColumnarValue] = []
            values.reserveCapacity(args.count)
            for a in args { values.append(try evaluate(a, over: table)) }
            // Each call is one batch of work over the whole column: the deadline is checked between them.
            try context.budget.checkDeadline()
            let result: ColumnarValue
            do {
                result = try f.evaluate(values, context: context.functionContext(rowCount: table.rowCount))
            } catch {
                throw KQLError(error.code, "\(f.name)(): \(error.message)", span: span, hint: error.hint)
            }
            if result.type != type {
                throw KQLError(
                    .runtime, "\(f.name)() returned \(result.type.rawValue) where \(type.rawValue) was announced",
                    span: span, hint: "this is a bug in the function library; please report it")
            }
            return result
        }
    }

    /// The expression as a column of `table.rowCount` rows.
    func column(_ e: BoundExpression, over table: Table) throws(KQLError) -> Column {
        let v = try evaluate(e, over: table)
        if case .column(let c) = v, c.count == table.rowCount { return c }
        if case .column(let c) = v {
            throw KQLError(.runtime, "an expression produced \(c.count) rows for \(table.rowCount)")
        }
        do { return try v.column(count: table.rowCount, charging: context.budget) } catch {
            // A constant repeated on every row: the charge is the operator's, no call is at fault.
            var span: SourceSpan?
            if case .call(_, _, _, let s, _) = e { span = s }
            throw KQLError(error.code, error.message, span: span, hint: error.hint)
        }
    }
}
