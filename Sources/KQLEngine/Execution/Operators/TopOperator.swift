import Columnar
import KQLSyntax

/// `top n by key`: the first `n` rows in key order (descending by default).
struct TopOperator {
    let bound: BoundTop

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let cmp = try SortOperator(keys: [bound.key]).comparator(input, evaluator)
        let n = min(bound.count, input.rowCount)
        // At most a permutation of every row, then the `n` rows copied out.
        try evaluator.context.budget.charge(
            MemorySize.sum(MemorySize.product(input.rowCount, 8), MemorySize.product(n, MemorySize.perRow(input))))
        if n == 0 { return input.gather([]) }
        if n * 8 >= input.rowCount {
            return input.gather(Array(cmp.sortedIndices(count: input.rowCount).prefix(n)))
        }
        // Small n: keep the best n in a sorted buffer instead of sorting everything.
        func before(_ a: Int, _ b: Int) -> Bool { cmp.less(a, b) || (!cmp.less(b, a) && a < b) }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        for i in 0..<input.rowCount {
            if best.count == n, !before(i, best[n - 1]) { continue }
            var lo = 0, hi = best.count
            while lo < hi { let m = (lo + hi) / 2; if before(best[m], i) { lo = m + 1 } else { hi = m } }
            best.insert(i, at: lo)
            if best.count > n { best.removeLast() }
        }
        return input.gather(best)
    }
}

extension TopOperator: PhysicalOperator {
    var name: String { "top" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
