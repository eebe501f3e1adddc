import Columnar
import KQLSyntax

/// Lowers a bound query to a ``PhysicalPlan``: picks the operator that runs each bound operator, plans
/// every sub-query once (a `join`'s right side, `union` legs, an `mv-apply` subquery, `materialize`),
/// and rewrites each run of `where`/`extend` to read only the columns it needs (``ColumnPruning``).
///
/// This is where rewrites that need the whole query go (pushdowns into a source, choosing an index),
/// decided from the schemas the binder recorded, before anything runs. A `let` chain used as a source is
/// unwound in a loop into one pipeline; sub-queries are planned one level of nesting per call, as deep
/// as binding went (``QueryLimits/maxNestingDepth``).
enum Planner {
    static func plan(_ q: BoundQuery) -> PhysicalPlan {
        // The chain of queries used as sources (`let`s that build on each other), innermost last.
        var stages = [q]
        while case .query(let inner) = stages[stages.count - 1].source { stages.append(inner) }
        let base = stages[stages.count - 1]
        let sourceSchema = knownSourceSchema(base)
        var bound: [(op: BoundOperator, schema: Schema?)] = []
        for stage in stages.reversed() {
            for (i, op) in stage.operators.enumerated() {
                let known = producesKnownSchema(op) && i < stage.operatorSchemas.count
                bound.append((op, known ? stage.operatorSchemas[i] : nil))
            }
        }
        return PhysicalPlan(
            source: PlanNode(lower(base.source), schema: sourceSchema),
            operators: pipeline(bound, input: sourceSchema))
    }

    /// The nodes running `bound` over an input of schema `input` (nil: known only once it ran). Each run
    /// of `where`/`extend` that starts with a `where` is pruned once: planning again inside it would find
    /// nothing more to drop and make a long run of filters quadratic.
    static func pipeline(_ bound: [(op: BoundOperator, schema: Schema?)], input: Schema?) -> [PlanNode] {
        let bound = InnerUniqueFilterPushdown.apply(bound, input: input)
        var ops = bound.map { $0.op }
        var schemas = bound.map { $0.schema }
        var nodes: [PlanNode] = []
        nodes.reserveCapacity(ops.count)
        var current = input
        var plannedUntil = 0
        var i = 0
        while i < ops.count {
            if i >= plannedUntil, case .where = ops[i], let schema = current {
                plannedUntil = i + ColumnPruning.runLength(ops[i...])
                if let pruned = ColumnPruning.plan(input: schema, operators: ops[i...]) {
                    let kept = Schema(pruned.keep.map { schema.fields[$0] })
                    nodes.append(PlanNode(KeepColumnsOperator(columns: pruned.keep), schema: kept))
                    ops.replaceSubrange(i..<(i + pruned.operators.count), with: pruned.operators)
                    // The run's operators now see fewer columns; the closing operator's output is unchanged.
                    var running = kept
                    for k in i..<plannedUntil {
                        running = narrowedSchema(ops[k], input: running)
                        schemas[k] = running
                    }
                }
            }
            nodes.append(PlanNode(lower(ops[i], input: current), schema: schemas[i]))
            current = schemas[i]
            i += 1
        }
        return nodes
    }

    /// The operator that runs a bound operator over an input of schema `input`.
    static func lower(_ op: BoundOperator, input: Schema?) -> any PhysicalOperator {
        switch op {
        case .where(let w): return FilterOperator(bound: w)
        case .extend(let e): return ExtendOperator(bound: e)
        case .project(let p): return ProjectOperator(bound: p)
        case .count(let name): return CountOperator(column: name)
        case .distinct(let d): return DistinctOperator(bound: d)
        case .evaluate(let e): return EvaluateOperator(evaluate: e)
        case .getschema: return GetSchemaOperator()
        case .join(let j): return JoinOperator(bound: j, right: plan(j.right))
        case .mvExpand(let m): return MvExpandOperator(bound: m)
        case .parse(let p): return ParseOperator(bound: p)
        case .parseKv(let p): return ParseKvOperator(bound: p)
        case .partition(let p): return PartitionOperator(bound: p)
        case .scan(let s): return ScanOperator(bound: s)
        case .reduce(let r): return ReduceOperator(bound: r)
        case .topNested(let t): return TopNestedOperator(bound: t)
        case .mvApply(let m): return MvApplyOperator(bound: m, subquery: plan(m.subquery))
        case .makeSeries(let m): return MakeSeriesOperator(bound: m, prelude: prelude(of: m, input: input))
        case .sort(let s): return SortOperator(keys: s.keys)
        case .render(let v): return RenderOperator(visualization: v)
        case .sample(let n): return SampleOperator(count: n)
        case .summarize(let s): return SummarizeOperator(bound: s)
        case .take(let n): return TakeOperator(count: n)
        case .top(let t): return TopOperator(bound: t)
        case .union(let u): return UnionOperator(union: u, legs: u.legs.map(plan))
        case .deferred(let d): return DeferredOperator(deferred: d)
        case .deferredJoin(let d): return DeferredJoinOperator(join: d, right: plan(d.right))
        case .graph(let g): return GraphOperator(bound: g, nodes: g.pipeline.build.nodeTables.map { plan($0.query) })
        }
    }

    /// The operator that produces a source's table.
    static func lower(_ source: BoundSource) -> any PhysicalOperator {
        switch source {
        case .table(let name): return TableScanOperator(table: name)
        case .rows(let t): return RowsOperator(table: t)
        case .range(let r): return RangeOperator(range: r)
        case .print(let items): return PrintOperator(items: items)
        case .union(let u): return UnionOperator(union: u, legs: u.legs.map(plan))
        case .evaluate(let e): return EvaluateOperator(evaluate: e)
        // `plan` unwinds chains of these; one is lowered here only as a source it did not reach.
        case .query(let q): return SubqueryOperator(materializeID: nil, plan: plan(q))
        case .materialized(let id, let q): return SubqueryOperator(materializeID: id, plan: plan(q))
        case .input: return InputOperator()
        }
    }

    /// `make-series`'s `where` and `summarize`, run one after the other over its input.
    private static func prelude(of m: BoundMakeSeries, input: Schema?) -> [PlanNode] {
        m.prelude.map { op in
            if case .summarize(let s) = op { return PlanNode(lower(op, input: input), schema: s.schema) }
            return PlanNode(lower(op, input: input), schema: input)
        }
    }

    /// The schema of a query's source, or nil when it is known only once the source ran.
    private static func knownSourceSchema(_ q: BoundQuery) -> Schema? {
        switch q.source {
        case .evaluate(let e): return e.schema
        case .union(let u): return u.resolvesAtRun ? nil : u.schema
        case .query(let inner), .materialized(_, let inner): return inner.schemaIsDeferred ? nil : q.sourceSchema
        case .table, .rows, .range, .print, .input: return q.sourceSchema
        }
    }

    /// Whether the schema the binder recorded for an operator is what it produces (not a placeholder).
    private static func producesKnownSchema(_ op: BoundOperator) -> Bool {
        switch op {
        case .evaluate(let e): return e.schema != nil
        case .union(let u): return !u.resolvesAtRun
        case .deferred, .deferredJoin: return false
        default: return true
        }
    }

    /// The output of a `where` or `extend` that column pruning rewrote, over its narrowed input.
    private static func narrowedSchema(_ op: BoundOperator, input: Schema) -> Schema {
        switch op {
        case .where(let w):
            guard let keep = w.outputColumns else { return input }
            return Schema(keep.map { input.fields[$0] })
        case .extend(let e):
            var fields = input.fields
            for item in e.columns {
                if let i = fields.firstIndex(where: { $0.name == item.name }) {
                    fields[i] = Field(item.name, item.value.type)
                } else {
                    fields.append(Field(item.name, item.value.type))
                }
            }
            return Schema(fields)
        default:
            return input
        }
    }
}
