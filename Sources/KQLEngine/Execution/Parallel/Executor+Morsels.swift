import Columnar
import KQLSyntax

extension Executor {
    /// Runs a segment over morsels of `input` in one budget account; nil when its partial aggregates
    /// cannot be merged exactly (a long sum overflowed in a morsel) or a morsel failed, and the caller
    /// runs it node by node: a failing query then fails with the error whole-table execution gives (a
    /// memory error names the rows of the whole input, not of a morsel), and only failing queries pay twice.
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
            let parts = try MorselRunner.run(count: count, threads: parallelism.threads) {
                (m: Int) throws(KQLError) -> Table in
                var t = input.morsel((m * size)..<min((m + 1) * size, input.rowCount))
                for op in segment.rowWise { t = try op.execute(t, self) }
                if let summarize = segment.summarize { t = try summarize.partial(t, evaluator) }
                return t
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
}
