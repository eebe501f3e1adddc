import Columnar
import KQLSyntax

extension Executor {
    /// Runs a segment over morsels of `input` in one budget account; nil when its partial aggregates
    /// cannot be merged exactly (a long sum overflowed in a morsel), when they would barely aggregate (see
    /// ``keepsTooManyGroups``) or a morsel failed, and the caller runs it node by node: a failing query
    /// then fails with the error whole-table execution gives (a memory error names the rows of the whole
    /// input, not of a morsel), and only failing queries pay twice.
    func run(_ segment: MorselSegment, input: Table) throws(KQLError) -> Table? {
        let parallelism = context.parallelism
        let size = parallelism.morselSize(for: input.rowCount)
        let count = (input.rowCount + size - 1) / size
        let budget = context.budget
        try budget.checkDeadline()
        budget.enter(segment.name)
        let output: Table?
        do {
            let evaluator = self.evaluator
            let work = { (m: Int) throws(KQLError) -> Table in
                var t = input.morsel((m * size)..<min((m + 1) * size, input.rowCount))
                for op in segment.rowWise { t = try op.execute(t, self) }
                if let summarize = segment.summarize { t = try summarize.partial(t, evaluator) }
                return t
            }
            var parts: [Table] = []
            if segment.summarize != nil {
                // The first morsel alone, to see how far its summarize reduces its rows.
                parts.append(try work(0))
                if Self.keepsTooManyGroups(parts[0].rowCount, of: min(size, input.rowCount)) {
                    budget.abandon()
                    return nil
                }
            }
            let first = parts.count
            if count > first {
                parts += try MorselRunner.run(count: count - first, threads: parallelism.threads) {
                    (m: Int) throws(KQLError) -> Table in try work(m + first)
                }
            }
            if let summarize = segment.summarize {
                output = try summarize.merge(parts, evaluator)
            } else {
                output = Table.concatenating(parts)
            }
        } catch {
            budget.abandon()
            // Time and cancellation end the query whatever runs next; anything else is reported as the
            // whole-table path reports it.
            if error.code == .queryTimeout || error.code == .cancelled { throw error }
            return nil
        }
        guard let output else {
            budget.abandon()
            return nil
        }
        try budget.exit(settling: MemorySize.added(by: output, beyond: input))
        return output
    }

    /// Whether a morsel of `rows` rows that summarized into `groups` groups says the keys are too many for
    /// partial aggregates: past a quarter of the rows, the merge summarizes nearly as many rows again as the
    /// input had, and the whole table on one thread is faster (`bench engine`'s summarize-random-keys,
    /// 2.5M groups in 10M rows: 0.54 s whole, 1.1 s over morsels on one or two threads).
    /// A morsel under 1,024 rows is too small a sample to tell (tests run tiny morsels through the merge).
    static func keepsTooManyGroups(_ groups: Int, of rows: Int) -> Bool {
        rows >= 1024 && groups > rows / 4
    }
}
