import Columnar
import KQLSyntax

/// Enumerates the closed patterns of a ``PatternSpace`` — those no further value can be added to without losing
/// rows — that enough rows match, each once, by the prefix-preserving closure extension of the LCM algorithm
/// (Uno et al.). Each pattern grows from its parent by one chosen value plus every value all its rows share (the
/// values correlated with it); `maxChosen` bounds the chosen values, the "uncorrelated dimensions" of the pages.
/// Iterative (an explicit stack), so the depth a user sets never becomes recursion.
struct ClosedPatternMiner {
    let space: PatternSpace
    let maxChosen: Int
    let budget: QueryBudget
    /// The most patterns one call examines.
    static let limit = 200_000

    /// Calls `visit` with each closed pattern (the all-rows pattern too, when it fixes a value) whose rows
    /// `frequent(countA, countB)` admits; `frequent` must be anti-monotone (a pattern's sub-rows never pass where
    /// its rows fail).
    func explore(
        plugin: String, span: SourceSpan, frequent: (Double, Double) -> Bool,
        visit: (MinedPattern) throws(KQLError) -> Void
    ) throws(KQLError) {
        struct Frame {
            var pattern: MinedPattern
            var rows: [Int]
            /// The dimension of the value this pattern was grown by (-1 for the root), and its depth.
            var core: Int, depth: Int
            /// The next (dimension, code) to try, as positions in `extensions`.
            var extensions: [(dimension: Int, code: Int32)]
            var next = 0
        }
        let all = Array(space.codes.indices)
        let root = closure(of: all)
        guard frequent(root.countA, root.countB) else { return }
        if root.size > 0 { try visit(root) }
        var stack = [Frame(pattern: root, rows: all, core: -1, depth: 0, extensions: extensions(root, all, after: -1))]
        var examined = 0
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].extensions.count, stack[top].depth < maxChosen else {
                stack.removeLast()
                continue
            }
            let (d, code) = stack[top].extensions[stack[top].next]
            stack[top].next += 1
            examined += 1
            if examined % 1024 == 0 { try budget.checkDeadline() }
            guard examined <= Self.limit else {
                throw KQLError(
                    .limit, "\(plugin)(): more than \(Self.limit) candidate patterns", span: span,
                    hint: "raise the threshold, lower the maximal dimensions, or project fewer columns")
            }
            let rows = stack[top].rows.filter { space.codes[$0][d] == code }
            let child = closure(of: rows)
            guard frequent(child.countA, child.countB) else { continue }
            // Prefix preservation: the closure adds no value before the chosen dimension, so this closed
            // pattern is reached from this parent only.
            let parent = stack[top].pattern
            guard (0..<d).allSatisfy({ child.codes[$0] == parent.codes[$0] }) else { continue }
            try visit(child)
            stack.append(
                Frame(
                    pattern: child, rows: rows, core: d, depth: stack[top].depth + 1,
                    extensions: extensions(child, rows, after: d)))
            try budget.charge(count: rows.count, bytesEach: 8, for: plugin)
        }
    }

    /// The values every row of `rows` shares, with the rows' weights.
    private func closure(of rows: [Int]) -> MinedPattern {
        var codes = [Int32](repeating: -1, count: space.dimensions)
        var a = 0.0, b = 0.0
        if let first = rows.first { codes = space.codes[first] }
        for t in rows {
            a += space.weightA[t]; b += space.weightB[t]
            for d in codes.indices where codes[d] >= 0 && space.codes[t][d] != codes[d] { codes[d] = -1 }
        }
        return MinedPattern(codes: codes, countA: a, countB: b)
    }

    /// The values a pattern may grow by: those of its rows in dimensions after `after` that it leaves open.
    private func extensions(_ p: MinedPattern, _ rows: [Int], after: Int) -> [(dimension: Int, code: Int32)] {
        var out: [(dimension: Int, code: Int32)] = []
        for d in (after + 1)..<max(after + 1, space.dimensions) where p.codes[d] < 0 {
            var seen = Set<Int32>()
            for t in rows where space.codes[t][d] >= 0 { seen.insert(space.codes[t][d]) }
            out += seen.sorted().map { (d, $0) }
        }
        return out
    }
}
