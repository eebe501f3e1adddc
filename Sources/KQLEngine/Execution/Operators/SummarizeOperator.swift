import Columnar
import KQLSyntax

/// `summarize aggs by keys`: rows are hash-grouped on the key values; each aggregate yields one row per
/// group. Without `by`, the output has exactly one row (even for empty input); with `by`, one row per
/// distinct key (none for empty input). Groups appear in first-seen order.
struct SummarizeOperator {
    let bound: BoundSummarize

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var keyColumns: [Column] = []
        for (_, e) in bound.keys { keyColumns.append(try evaluator.column(e, over: input)) }
        let groups: GroupIndex
        var keyOutputs: [Column] = []
        if keyColumns.isEmpty {
            groups = GroupIndex.single(rowCount: input.rowCount)
        } else {
            // The group id of every row, and the interner's table of distinct keys (at most one per row).
            try evaluator.context.budget.charge(
                count: input.rowCount,
                bytesEach: MemorySize.sum(12, keyColumns.reduce(0) { MemorySize.sum($0, MemorySize.perRow($1)) }))
            let interner = KeyInterner(types: keyColumns.map(\.type), expected: 1024)
            let ids = interner.intern(keyColumns)
            groups = GroupIndex(groupIDs: ids, groupCount: interner.groupCount)
            var first = [Int](repeating: -1, count: groups.groupCount)
            var found = 0
            for (i, g) in ids.enumerated() where first[Int(g)] < 0 {
                first[Int(g)] = i
                found += 1
                if found == groups.groupCount { break }
            }
            keyOutputs = keyColumns.map { $0.gather(first) }
        }
        var outputs = keyOutputs
        let fctx = evaluator.context.functionContext(rowCount: input.rowCount)
        for agg in bound.aggregates {
            var args: [ColumnarValue] = []
            for a in agg.arguments { args.append(try evaluator.evaluate(a, over: input)) }
            let star = agg.star.map { input.columns[$0] }
            let cols: [Column]
            do {
                cols = try agg.function.aggregate(args, star: star, groups: groups, context: fctx)
            } catch {
                throw KQLError(error.code, "\(agg.function.name)(): \(error.message)", span: agg.span, hint: error.hint)
            }
            guard cols.count == agg.outputs.count, cols.allSatisfy({ $0.count == groups.groupCount }) else {
                throw KQLError(.runtime, "\(agg.function.name)() returned a result of the wrong shape", span: agg.span)
            }
            outputs.append(contentsOf: cols)
        }
        let names = bound.keys.map(\.name) + bound.aggregates.flatMap { $0.outputs.map(\.name) }
        let intermediate = Table(
            schema: Schema(zip(names, outputs).map { Field($0, $1.type) }), columns: outputs,
            rowCount: groups.groupCount)
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
