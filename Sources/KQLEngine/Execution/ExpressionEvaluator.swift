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
            if table.rowCount >= 2 * QueryBudget.rowsPerCheck, Self.runsInBlocks(e, type) {
                return try evaluateInBlocks(e, over: table)
            }
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
                throw KQLError(
                    error.code, error.stopsQuery ? error.message : "\(f.name)(): \(error.message)", span: span,
                    hint: error.hint)
            }
            if result.type != type {
                throw KQLError(
                    .runtime, "\(f.name)() returned \(result.type.rawValue) where \(type.rawValue) was announced",
                    span: span, hint: "this is a bug in the function library; please report it")
            }
            return result
        }
    }

    /// Whether a call over a large table is evaluated a block of rows at a time: when it reads only its
    /// row, deterministically (as morsels are), reads some column (a constant stays one value), its
    /// result is not boxed (`dynamic`, `decimal` columns would be rebuilt value by value to join them),
    /// and its rows are not all cheap.
    private static func runsInBlocks(_ e: BoundExpression, _ type: ScalarType) -> Bool {
        type != .dynamic && type != .decimal && !e.isRowIndependent && e.isMorselSafe && !isCheapPerRow(e)
    }

    /// Whether each row of the expression costs a few instructions: arithmetic, comparisons, logic and
    /// `bin` over numbers, dates and bools, no text anywhere. Such a call ends within the half second a
    /// cancelled query has even over tens of millions of rows, so it runs whole: blocks would only add
    /// a copy of its result (`bench engine`'s filter-extend-summarize over 10M rows on one thread took
    /// 111-130 ms with its `where` and `extend` in blocks, 85-101 ms whole, on the same noisy machine).
    private static func isCheapPerRow(_ e: BoundExpression) -> Bool {
        switch e {
        case .constant: return true
        case .column(_, _, let t): return t != .string && t != .dynamic
        case .call(let f, let args, let t, _, _):
            return isCheap(f) && t != .string && t != .dynamic && args.allSatisfy(isCheapPerRow)
        }
    }

    private static func isCheap(_ f: any ScalarFunction) -> Bool {
        if let chain = f as? OperatorChain { return chain.steps.allSatisfy { isCheap($0.function) } }
        return f is ArithmeticOperator || f is ComparisonOperator || f is LogicalOperator || f is NegateOperator
            || f is BetweenOperator || f is BinFunction
    }

    /// `evaluate` one block of `QueryBudget.rowsPerCheck` rows at a time, the deadline and the
    /// cancellation checked between blocks, so no function has to check them inside its own loop: a
    /// long kernel (a string per row, a regex) over millions of rows stops promptly. The blocks hold only
    /// the columns the expression reads, as views into the input's buffers, and their results are
    /// joined buffer by buffer; a cancelled evaluation leaves nothing behind but blocks that are freed.
    private func evaluateInBlocks(_ e: BoundExpression, over table: Table) throws(KQLError) -> ColumnarValue {
        var read = Set<Int>()
        e.collectColumns(into: &read)
        let columns = read.sorted()
        var map = [Int](repeating: 0, count: table.columns.count)
        for (new, old) in columns.enumerated() { map[old] = new }
        let narrowed = e.remapped(map)
        let schema = Schema(columns.map { table.schema.fields[$0] })
        let size = QueryBudget.rowsPerCheck
        var parts: [Column] = []
        parts.reserveCapacity((table.rowCount + size - 1) / size)
        var start = 0
        while start < table.rowCount {
            try context.budget.checkDeadline()
            let rows = start..<min(start + size, table.rowCount)
            let block = Table(
                schema: schema, columns: columns.map { table.columns[$0].morsel(rows) }, rowCount: rows.count)
            parts.append(try column(narrowed, over: block))
            start = rows.upperBound
        }
        return .column(Column.concat(parts, type: parts[0].type))
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
