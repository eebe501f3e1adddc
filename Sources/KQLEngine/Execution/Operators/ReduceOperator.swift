import Columnar
import KQLSyntax

/// `reduce`: groups strings by similarity with the clustering of Vaarandi's SLCT, which the reference
/// names as its basis. A value is split into terms at the separator characters; a term at a position is
/// frequent when more than `threshold` × rows values have it there; a value's frequent terms are its
/// candidate group, and a candidate that more than `threshold` × rows values share is a group. Each
/// group's `Pattern` is its first value with every other term replaced by `*` (a wildcard takes the
/// separators next to it except white space, and neighbouring wildcards merge), `Count` is its size and
/// `Representative` its first value; the values of no group are counted under `others`.
struct ReduceOperator {
    let bound: BoundReduce

    /// A value split into terms and the separator runs between them.
    private struct Split {
        /// `(isTerm, text)` in order.
        var pieces: [(isTerm: Bool, text: String)]
        var terms: [String] { pieces.filter(\.isTerm).map(\.text) }
    }

    private struct PositionedTerm: Hashable {
        var position: Int
        var term: String
    }

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let column = try evaluator.column(bound.value, over: input)
        let n = input.rowCount
        let texts = (0..<n).map { r -> String in
            let v = column.value(r)
            if case .string(let s) = v { return s }
            if case .dynamic(.string(let s)) = v { return s }
            return v.isNull ? "" : v.text
        }
        let splits = texts.map(split)
        let support = bound.threshold * Double(n)
        var termCounts: [PositionedTerm: Int] = [:]
        for s in splits {
            for (i, t) in s.terms.enumerated() { termCounts[PositionedTerm(position: i, term: t), default: 0] += 1 }
        }
        try evaluator.context.budget.checkDeadline()
        // Each value's candidate: its frequent terms, in position order.
        let candidates = splits.map { s in
            s.terms.enumerated().map { PositionedTerm(position: $0.offset, term: $0.element) }
                .filter { Double(termCounts[$0] ?? 0) > support }
        }
        var candidateCounts: [[PositionedTerm]: Int] = [:]
        for c in candidates where !c.isEmpty { candidateCounts[c, default: 0] += 1 }
        // Groups in the order their first value comes.
        var groupOf: [[PositionedTerm]: Int] = [:]
        var groups: [(first: Int, count: Int, key: [PositionedTerm])] = []
        var rowGroup = [Int](repeating: -1, count: n)
        var others = 0
        for r in 0..<n {
            let c = candidates[r]
            guard !c.isEmpty, Double(candidateCounts[c] ?? 0) > support else { others += 1; continue }
            if let g = groupOf[c] {
                groups[g].count += 1
                rowGroup[r] = g
            } else {
                groupOf[c] = groups.count
                rowGroup[r] = groups.count
                groups.append((r, 1, c))
            }
        }
        let patterns = groups.map { pattern(splits[$0.first], keeping: Set($0.key)) }
        if bound.appendsPattern {
            let p = Column(strings: rowGroup.map { $0 >= 0 ? patterns[$0] : "others" })
            return Table(schema: bound.schema, columns: input.columns + [p], rowCount: n)
        }
        let order = groups.indices.sorted {
            groups[$0].count > groups[$1].count || (groups[$0].count == groups[$1].count && $0 < $1)
        }
        var outPatterns = order.map { patterns[$0] }, counts = order.map { Int64(groups[$0].count) }
        var representatives = order.map { texts[groups[$0].first] }
        if others > 0 { outPatterns.append("others"); counts.append(Int64(others)); representatives.append("") }
        return Table(
            schema: bound.schema,
            columns: [Column(strings: outPatterns), Column(int64s: counts), Column(strings: representatives)],
            rowCount: outPatterns.count)
    }

    private func isSeparator(_ c: Character) -> Bool {
        if let s = bound.separators { return s.contains(c) }
        return !(c.isLetter || c.isNumber)
    }

    private func split(_ text: String) -> Split {
        var pieces: [(isTerm: Bool, text: String)] = []
        for c in text {
            let term = !isSeparator(c)
            if let last = pieces.last, last.isTerm == term {
                pieces[pieces.count - 1].text.append(c)
            } else {
                pieces.append((term, String(c)))
            }
        }
        return Split(pieces: pieces)
    }

    /// The value with the terms not in `kept` replaced by one `*` per run, which takes the separators
    /// next to it except their white space.
    private func pattern(_ s: Split, keeping kept: Set<PositionedTerm>) -> String {
        enum Item { case text(String), star, separator(String) }
        var items: [Item] = []
        var position = 0
        for p in s.pieces {
            if p.isTerm {
                items.append(kept.contains(PositionedTerm(position: position, term: p.text)) ? .text(p.text) : .star)
                position += 1
            } else {
                items.append(.separator(p.text))
            }
        }
        var out = ""
        var lastWasStar = false
        for (i, item) in items.enumerated() {
            switch item {
            case .text(let t):
                out += t; lastWasStar = false
            case .star:
                if !lastWasStar { out += "*" }
                lastWasStar = true
            case .separator(let t):
                var nextIsStar = false
                if i + 1 < items.count, case .star = items[i + 1] { nextIsStar = true }
                if lastWasStar && nextIsStar { continue }  // between two wildcards: they merge
                out += lastWasStar || nextIsStar ? t.filter(\.isWhitespace) : t
            }
        }
        return out
    }
}

extension ReduceOperator: PhysicalOperator {
    var name: String { "reduce" }
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
