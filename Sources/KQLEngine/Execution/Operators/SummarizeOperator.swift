import Columnar
import KQLSyntax

/// `summarize aggs by keys`: rows are hash-grouped on the key values; each aggregate yields one row per
/// group. Without `by`, the output has exactly one row (even for empty input); with `by`, one row per
/// distinct key (none for empty input). Groups appear in first-seen order.
struct SummarizeOperator {
    let bound: BoundSummarize

    /// One aggregate ready to run: its function, evaluated arguments and `*` columns.
    struct Call {
        var function: any AggregateFunction
        var arguments: [ColumnarValue]
        var star: [Column]
        var outputs: Int
        var span: SourceSpan
    }

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let (keys, calls) = try prepare(input, evaluator)
        let (groupCount, outputs) = try Self.aggregate(keys: keys, rowCount: input.rowCount, calls, evaluator.context)
        return try finish(outputs, groupCount: groupCount, evaluator)
    }

    /// The key columns and the aggregate calls over `input`.
    func prepare(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> (keys: [Column], calls: [Call]) {
        var keyColumns: [Column] = []
        for (_, e) in bound.keys { keyColumns.append(try evaluator.column(e, over: input)) }
        var calls: [Call] = []
        for agg in bound.aggregates {
            var args: [ColumnarValue] = []
            for a in agg.arguments { args.append(try evaluator.evaluate(a, over: input)) }
            calls.append(
                Call(
                    function: agg.function, arguments: args, star: agg.star.map { input.columns[$0] },
                    outputs: agg.outputs.count, span: agg.span))
        }
        return (keyColumns, calls)
    }

    /// Groups `rowCount` rows on `keys` and runs each aggregate over the groups: the number of groups, and
    /// the key columns (each group's first row) followed by every aggregate's columns.
    static func aggregate(
        keys keyColumns: [Column], rowCount: Int, _ calls: [Call], _ context: ExecutionContext
    ) throws(KQLError) -> (groupCount: Int, columns: [Column]) {
        let groups: GroupIndex
        var outputs: [Column] = []
        if keyColumns.isEmpty {
            groups = GroupIndex.single(rowCount: rowCount)
        } else {
            // The group id of every row, and the interner's table of distinct keys (at most one per row).
            try context.budget.charge(
                count: rowCount,
                bytesEach: MemorySize.sum(12, keyColumns.reduce(0) { MemorySize.sum($0, MemorySize.perRow($1)) }))
            let interner = KeyInterner(types: keyColumns.map(\.type), expected: 1024)
            let ids = try interner.intern(keyColumns, checking: context.budget)
            groups = GroupIndex(groupIDs: ids, groupCount: interner.groupCount)
            var first = [Int](repeating: -1, count: groups.groupCount)
            var found = 0
            for (i, g) in ids.enumerated() where first[Int(g)] < 0 {
                first[Int(g)] = i
                found += 1
                if found == groups.groupCount { break }
            }
            outputs = keyColumns.map { $0.gather(first) }
        }
        let fctx = context.functionContext(rowCount: rowCount)
        for call in calls {
            let cols: [Column]
            do {
                cols = try call.function.aggregate(call.arguments, star: call.star, groups: groups, context: fctx)
            } catch {
                throw KQLError(
                    error.code, error.stopsQuery ? error.message : "\(call.function.name)(): \(error.message)",
                    span: call.span, hint: error.hint)
            }
            guard cols.count == call.outputs, cols.allSatisfy({ $0.count == groups.groupCount }) else {
                throw KQLError(
                    .runtime, "\(call.function.name)() returned a result of the wrong shape", span: call.span)
            }
            outputs.append(contentsOf: cols)
        }
        return (groups.groupCount, outputs)
    }

    /// The operator's output from the key and aggregate columns: named, then projected when outputs are
    /// expressions over aggregates.
    func finish(_ outputs: [Column], groupCount: Int, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let names = bound.keys.map(\.name) + bound.aggregates.flatMap { $0.outputs.map(\.name) }
        let intermediate = Table(
            schema: Schema(zip(names, outputs).map { Field($0, $1.type) }), columns: outputs, rowCount: groupCount)
        guard let post = bound.post else { return intermediate }
        return try ProjectOperator(bound: BoundProject(columns: post)).execute(intermediate, evaluator)
    }
}

extension SummarizeOperator: PhysicalOperator {
    var name: String { "summarize" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
