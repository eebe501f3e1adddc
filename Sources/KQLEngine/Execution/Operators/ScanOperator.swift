import Columnar
import KQLSyntax

/// `scan`: goes over the (serialized) input record by record and matches each against the steps, last
/// step first, keeping per step the state of its active sequence, as the reference's "scan logic" says:
///
/// - Check 1: when the previous step has an active sequence and the record meets this step's condition
///   (with that sequence's state), the sequence moves up to this step (replacing what it held), the
///   record, extended by the step's assignments, joins it and is output.
/// - Check 2 (only when check 1 did not match): when this step has an active sequence, or is the first
///   step, and the record meets the condition with this step's state, the record replaces this step's
///   own record in the state and is output; on the first step with no active sequence it starts a new
///   sequence, whose match id is the next one.
///
/// In a state, a step the sequence has not reached yet reads as the declared columns' defaults (and
/// nulls for the input's columns): `s1.total` is the default before `s1` first matched.
///
/// `output=none` steps output nothing; `output=last` ones only the last record of each run of matches,
/// when the run ends (its sequence moves on or is replaced) or the input does.
struct ScanOperator {
    let bound: BoundScan

    /// One active sequence: its match id and the record each step up to its own matched.
    private struct Sequence {
        var matchId: Int64
        var records: [[Value]]
    }

    /// An output row: the input row, the declared values and the match id.
    private struct Emitted {
        var row: Int
        var declared: ArraySlice<Value>
        var matchId: Int64
    }

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let evaluator = executor.evaluator
        let steps = bound.steps
        var state = [Sequence?](repeating: nil, count: steps.count)
        var pending = [Emitted?](repeating: nil, count: steps.count)
        var out: [Emitted] = []
        var nextMatchId: Int64 = 0
        let budget = executor.context.budget

        func emit(_ e: Emitted, step k: Int) {
            switch steps[k].output {
            case .all: out.append(e)
            case .none: break
            case .last: pending[k] = e
            }
        }
        func flush(_ k: Int) {
            if let p = pending[k] { out.append(p); pending[k] = nil }
        }

        for r in 0..<input.rowCount {
            if r % 1024 == 0 { try budget.checkDeadline() }
            var record = [Value]()
            record.reserveCapacity(bound.rowWidth)
            for c in input.columns { record.append(c.value(r)) }
            record += bound.defaults
            for k in stride(from: steps.count - 1, through: 0, by: -1) {
                if k > 0, let previous = state[k - 1],
                    let extended = try match(steps[k], record: record, state: previous, evaluator)
                {
                    flush(k)
                    var moved = previous
                    moved.records.append(extended)
                    state[k] = moved
                    state[k - 1] = nil
                    flush(k - 1)
                    emit(Emitted(row: r, declared: extended[bound.inputWidth...], matchId: moved.matchId), step: k)
                    continue
                }
                guard state[k] != nil || k == 0 else { continue }
                let own = state[k] ?? Sequence(matchId: nextMatchId, records: [])
                guard let extended = try match(steps[k], record: record, state: own, evaluator) else { continue }
                var updated = own
                if state[k] == nil {
                    nextMatchId += 1
                    updated.records = [extended]
                } else {
                    updated.records[k] = extended
                }
                state[k] = updated
                emit(Emitted(row: r, declared: extended[bound.inputWidth...], matchId: updated.matchId), step: k)
            }
        }
        for k in steps.indices { flush(k) }
        return try table(input, out, budget)
    }

    /// The record extended by the step's assignments when it meets the step's condition with `state`; nil otherwise.
    private func match(
        _ step: BoundScan.Step, record: [Value], state: Sequence,
        _ evaluator: ExpressionEvaluator
    ) throws(KQLError) -> [Value]? {
        let w = bound.rowWidth
        var columns: [Column] = []
        columns.reserveCapacity(step.reads.count)
        for (j, i) in step.reads.enumerated() {
            let value: Value
            if i < w {
                value = record[i]
            } else {
                let (s, c) = ((i - w) / w, (i - w) % w)
                // A step the sequence has not reached holds the declared columns' defaults (and null input columns).
                value =
                    s < state.records.count
                    ? state.records[s][c]
                    : c >= bound.inputWidth ? bound.defaults[c - bound.inputWidth] : Cast.null(step.readTypes[j])
            }
            columns.append(Column(type: step.readTypes[j], values: [value]))
        }
        let fields = step.reads.indices.map { Field("c\($0)", step.readTypes[$0]) }
        let one = Table(schema: Schema(fields), columns: columns, rowCount: 1)
        guard ScanOperator.isTrue(try evaluator.evaluate(step.condition, over: one)) else { return nil }
        var extended = record
        // Every assignment sees the record as it was before the step's assignments.
        for a in step.assignments {
            let target = bound.schema.fields[a.column].type
            var v = ScanOperator.first(try evaluator.evaluate(a.value, over: one))
            if v.type != target, !v.isNull { v = Cast.explicit(v, to: target) }
            extended[a.column] = v.isNull ? Cast.null(target) : v
        }
        return extended
    }

    private static func first(_ v: ColumnarValue) -> Value {
        switch v {
        case .scalar(let x, _): return x
        case .column(let c): return c.count > 0 ? c.value(0) : .null
        }
    }

    private static func isTrue(_ v: ColumnarValue) -> Bool {
        switch first(v) {
        case .bool(true), .dynamic(.bool(true)): return true
        default: return false
        }
    }

    /// The output: the input rows that were emitted, their declared values, and the match ids.
    private func table(_ input: Table, _ out: [Emitted], _ budget: QueryBudget) throws(KQLError) -> Table {
        let rows = out.map(\.row)
        var columns = input.gather(rows).columns
        for (d, type) in bound.declaredTypes.enumerated() {
            var b = ColumnBuilder(type: type, capacity: out.count)
            for e in out { b.append(e.declared[e.declared.startIndex + d]) }
            columns.append(b.finish())
        }
        if bound.matchIdColumn != nil { columns.append(Column(int64s: out.map(\.matchId))) }
        return Table(schema: bound.schema, columns: columns, rowCount: out.count)
    }
}

extension ScanOperator: PhysicalOperator {
    var name: String { "scan" }
    /// Each record's fate depends on the ones before it; the output follows the input's order.
    var traits: OperatorTraits { .preservesOrder }
}
