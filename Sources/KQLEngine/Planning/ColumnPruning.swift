import Columnar

/// Drops input columns that a `where ... | extend ... | summarize/project/count` run never reads, before
/// the filter copies the surviving rows of every column.
///
/// The rows a filter keeps are gathered column by column, so each unread column costs a full copy.
/// The planner applies it to each such run (``Planner/pipeline(_:input:)``), putting a
/// ``KeepColumnsOperator`` before it. The rewrite is decided from the bound operators alone: the closing operator's references, plus those
/// of every predicate and computed column in between, are the columns kept. Indices in the rewritten
/// operators are remapped by column name, which is unique within every intermediate schema.
enum ColumnPruning {
    /// The input columns to keep and the run's operators rewritten for them; nil when nothing can be dropped.
    static func plan(input: Schema, operators ops: ArraySlice<BoundOperator>) -> (
        keep: [Int], operators: [BoundOperator]
    )? {
        let end = ops.startIndex + runLength(ops)
        guard end < ops.endIndex, end > ops.startIndex, let closingRefs = references(ofClosing: ops[end]) else {
            return nil
        }
        let run = Array(ops[ops.startIndex...end])

        // Forward: the column names before each operator (and before each extend item).
        var schemas: [[String]] = [input.names]
        for op in run.dropLast() { schemas.append(apply(op, to: schemas.last!)) }

        // Backward: the columns each operator needs from its input.
        var need = closingRefs
        var needAfter: [Int: Set<Int>] = [:]
        for (k, op) in run.enumerated().dropLast().reversed() {
            switch op {
            case .where(let w):
                needAfter[k] = need
                w.predicate.collectColumns(into: &need)
            case .extend(let e):
                var steps = [schemas[k]]
                for item in e.columns { steps.append(extended(steps.last!, item.name)) }
                for (j, item) in e.columns.enumerated().reversed() {
                    if let x = steps[j + 1].firstIndex(of: item.name) { need.remove(x) }
                    item.value.collectColumns(into: &need)
                }
            default: return nil
            }
        }
        guard need.count < input.fields.count else { return nil }
        let keep = input.fields.indices.filter { need.contains($0) }

        // Forward again: remap every expression from the old intermediate schemas to the pruned ones.
        var names = keep.map { input.fields[$0].name }
        var rewritten: [BoundOperator] = []
        for (k, op) in run.enumerated() {
            let map = schemas[k].map { names.firstIndex(of: $0) ?? -1 }
            switch op {
            case .where(let w):
                let after = schemas[k].indices.filter { needAfter[k]?.contains($0) ?? true }.map { schemas[k][$0] }
                let outputs = after.compactMap { names.firstIndex(of: $0) }
                rewritten.append(
                    .where(
                        BoundWhere(
                            predicate: w.predicate.remapped(map),
                            outputColumns: outputs.count < names.count ? outputs : nil)))
                names = outputs.map { names[$0] }
            case .extend(let e):
                var old = schemas[k]
                var cols: [(name: String, value: BoundExpression)] = []
                for item in e.columns {
                    let m = old.map { names.firstIndex(of: $0) ?? -1 }
                    cols.append((item.name, item.value.remapped(m)))
                    old = extended(old, item.name)
                    names = extended(names, item.name)
                }
                rewritten.append(.extend(BoundExtend(columns: cols)))
            case .summarize(var s):
                s.keys = s.keys.map { ($0.name, $0.value.remapped(map)) }
                for a in s.aggregates.indices {
                    s.aggregates[a].arguments = s.aggregates[a].arguments.map { $0.remapped(map) }
                    s.aggregates[a].star = s.aggregates[a].star.map { map[$0] }
                }
                rewritten.append(.summarize(s))
            case .project(let p):
                rewritten.append(.project(BoundProject(columns: p.columns.map { ($0.name, $0.value.remapped(map)) })))
            default:
                rewritten.append(op)
            }
        }
        return (keep, rewritten)
    }

    /// How many operators from the start of `ops` are `where`/`extend`, the run a plan rewrites.
    static func runLength(_ ops: ArraySlice<BoundOperator>) -> Int {
        var end = ops.startIndex
        while end < ops.endIndex, isRunOperator(ops[end]) { end += 1 }
        return end - ops.startIndex
    }

    /// Columns `keep` of `t`, without copying them.
    static func keep(_ keep: [Int], of t: Table) -> Table {
        var out = Table(
            schema: Schema(keep.map { t.schema.fields[$0] }), columns: keep.map { t.columns[$0] }, rowCount: t.rowCount)
        out.visualization = t.visualization
        return out
    }

    private static func isRunOperator(_ op: BoundOperator) -> Bool {
        switch op {
        case .where, .extend: return true
        default: return false
        }
    }

    /// Input columns read by an operator that decides the run's output columns; nil for other operators.
    private static func references(ofClosing op: BoundOperator) -> Set<Int>? {
        var refs = Set<Int>()
        switch op {
        case .count: return refs
        case .project(let p):
            for c in p.columns { c.value.collectColumns(into: &refs) }
        case .summarize(let s):
            for k in s.keys { k.value.collectColumns(into: &refs) }
            for a in s.aggregates {
                for e in a.arguments { e.collectColumns(into: &refs) }
                refs.formUnion(a.star)
            }
        default: return nil
        }
        return refs
    }

    private static func apply(_ op: BoundOperator, to names: [String]) -> [String] {
        guard case .extend(let e) = op else { return names }
        return e.columns.reduce(names) { extended($0, $1.name) }
    }

    private static func extended(_ names: [String], _ name: String) -> [String] {
        names.contains(name) ? names : names + [name]
    }
}

extension BoundExpression {
    /// Adds the input column indices this expression reads.
    func collectColumns(into set: inout Set<Int>) {
        switch self {
        case .column(let i, _, _): set.insert(i)
        case .constant: break
        case .call(_, let args, _, _, _): for a in args { a.collectColumns(into: &set) }
        }
    }
}
