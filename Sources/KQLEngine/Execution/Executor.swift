import Columnar
import KQLSyntax

/// Runs bound queries: evaluates the source, then each operator over the whole table in turn.
///
/// Each source and operator runs in an account of the statement's ``QueryBudget``: the deadline is
/// checked before it starts, and what its output holds beyond its input is settled against the memory
/// budget when it ends (operators that know their size in advance charge before they allocate).
final class Executor {
    let context: ExecutionContext
    var evaluator: ExpressionEvaluator { ExpressionEvaluator(context: context) }

    init(context: ExecutionContext) { self.context = context }

    /// Runs a query. A chain of queries used as sources (`let`s that build on each other) runs in a loop,
    /// innermost first, so its length costs no stack.
    func run(_ q: BoundQuery) throws(KQLError) -> Table {
        var stages = [q.operators]
        var base = q.source
        while case .query(let inner) = base {
            stages.append(inner.operators)
            base = inner.source
        }
        var t = try source(base)
        for operators in stages.reversed() { t = try apply(operators, to: t) }
        return t
    }

    private func apply(_ operators: [BoundOperator], to input: Table) throws(KQLError) -> Table {
        var t = input
        var ops = operators
        var i = 0
        // A plan covers the whole run of `where`/`extend` it starts; planning again inside it would find
        // nothing more to drop and make a long run of filters quadratic.
        var plannedUntil = 0
        while i < ops.count {
            if i >= plannedUntil, case .where = ops[i] {
                plannedUntil = i + ColumnPruning.runLength(ops[i...])
                if let plan = ColumnPruning.plan(input: t.schema, operators: ops[i...]) {
                    t = ColumnPruning.keep(plan.keep, of: t)
                    ops.replaceSubrange(i..<(i + plan.operators.count), with: plan.operators)
                }
            }
            t = try apply(ops[i], to: t)
            i += 1
        }
        return t
    }

    private func source(_ s: BoundSource) throws(KQLError) -> Table {
        switch s {
        case .rows, .range, .print, .union, .evaluate:
            return try accounted(s.operatorName, input: nil) { () throws(KQLError) -> Table in try unaccountedSource(s) }
        default:
            return try unaccountedSource(s)
        }
    }

    /// Runs `body` in a budget account named `name` and settles it against the output.
    private func accounted(_ name: String, input: Table?, _ body: () throws(KQLError) -> Table) throws(KQLError) -> Table {
        let budget = context.budget
        try budget.checkDeadline()
        budget.enter(name)
        let output: Table
        do { output = try body() } catch { budget.abandon(); throw error }
        try budget.exit(settling: MemorySize.added(by: output, beyond: input))
        return output
    }

    private func unaccountedSource(_ s: BoundSource) throws(KQLError) -> Table {
        switch s {
        case .table(let name):
            guard let t = context.database.table(named: name) else {
                throw KQLError(.unknownName, "table '\(name)' no longer exists")
            }
            return t
        case .rows(let t): return t
        case .range(let r): return try RangeOperator(range: r).execute(context.budget)
        case .print(let items): return try PrintOperator(items: items).execute(evaluator)
        case .union(let u): return try UnionOperator(union: u).execute(input: nil, self)
        case .evaluate(let e):
            return try EvaluateOperator(evaluate: e).execute(input: Table([]), context) { (q) throws(KQLError) -> Table in try run(q) }
        case .query(let q): return try run(q)  // reached only through `run`'s loop, which unwinds these
        case .materialized(let id, let q):
            if let t = context.materialized[id] { return t }
            let t = try run(q)
            context.materialized[id] = t
            return t
        case .input:
            guard let t = context.inputs.last else { throw KQLError(.runtime, "invoke body ran without an input table") }
            return t
        }
    }

    func apply(_ op: BoundOperator, to t: Table) throws(KQLError) -> Table {
        switch op {
        case .invoke, .deferred:
            // Their bodies' operators are accounted one by one.
            return try unaccounted(op, to: t)
        default:
            return try accounted(op.operatorName, input: t) { () throws(KQLError) -> Table in try unaccounted(op, to: t) }
        }
    }

    private func unaccounted(_ op: BoundOperator, to t: Table) throws(KQLError) -> Table {
        switch op {
        case .where(let w): return try FilterOperator(bound: w).execute(t, evaluator)
        case .extend(let e): return try ExtendOperator(bound: e).execute(t, evaluator)
        case .project(let p): return try ProjectOperator(bound: p).execute(t, evaluator)
        case .count(let name): return CountOperator(name: name).execute(t)
        case .distinct(let d): return try DistinctOperator(bound: d).execute(t, context.budget)
        case .evaluate(let e):
            return try EvaluateOperator(evaluate: e).execute(input: t, context) { (q) throws(KQLError) -> Table in try run(q) }
        case .getschema: return GetSchemaOperator().execute(t)
        case .invoke(let body):
            context.inputs.append(t)
            defer { context.inputs.removeLast() }
            return try run(body)
        case .join(let j): return try JoinOperator(bound: j).execute(left: t, right: try run(j.right), context.budget)
        case .mvExpand(let m): return try MvExpandOperator(bound: m).execute(t, evaluator)
        case .makeSeries(let m): return try MakeSeriesOperator(bound: m).execute(t, self)
        case .mvApply(let m): return try MvApplyOperator(bound: m).execute(t, self)
        case .parse(let p): return try ParseOperator(bound: p).execute(t, evaluator)
        case .sort(let s): return try SortOperator(keys: s.keys).execute(t, evaluator)
        case .top(let top): return try TopOperator(bound: top).execute(t, evaluator)
        case .take(let n): return TakeOperator(count: n).execute(t)
        case .sample(let n): return SampleOperator(count: n, seed: context.randomSeed).execute(t)
        case .render(let v): return RenderOperator(visualization: v).execute(t)
        case .summarize(let s): return try SummarizeOperator(bound: s).execute(t, evaluator)
        case .union(let u): return try UnionOperator(union: u).execute(input: t, self)
        case .deferred(let d):
            // The plugin before these operators has run: bind them against the table it produced.
            var q = BoundQuery(source: .rows(t), schema: t.schema)
            var scope = d.scope
            for o in d.operators { q = try d.binder.bindOperator(o, input: q, scope: &scope) }
            return try run(q)
        case .deferredJoin(let d):
            // The right side runs first; the keys and output columns are bound against both real tables.
            let right = try run(d.right)
            let bound = try d.binder.bindJoin(options: d.options, right: BoundQuery(source: .rows(right), schema: right.schema),
                                              conditions: d.conditions, lookup: d.lookup, left: t.schema, span: d.span)
            return try JoinOperator(bound: bound).execute(left: t, right: right, context.budget)
        }
    }
}
