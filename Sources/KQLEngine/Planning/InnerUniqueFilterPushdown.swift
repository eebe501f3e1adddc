import Columnar

/// Moves a `where` that follows a `join kind=innerunique` and reads only left-side columns in front of the
/// join, so it filters the left side before the join keeps one left row per key.
///
/// This is not only an optimization: ADX documents it as the operator's meaning (the join-innerunique page,
/// "the filter is propagated to the left side of the join"): `t1 | join kind=innerunique t2 on key | where
/// value == "val1.2"` gives the rows of `val1.2` even when deduplication alone would have kept another row of
/// that key. For the other kinds the move would change nothing (inner, leftouter) or be wrong (fullouter),
/// so only innerunique is rewritten.
enum InnerUniqueFilterPushdown {
    /// `bound` with each such `where` moved in front of its join; `input` is the schema entering the list.
    static func apply(
        _ bound: [(op: BoundOperator, schema: Schema?)], input: Schema?
    ) -> [(op: BoundOperator, schema: Schema?)] {
        var out = bound
        var i = 0
        while i + 1 < out.count {
            guard case .join(let j) = out[i].op, j.kind == .innerunique, case .where(let w) = out[i + 1].op,
                w.outputColumns == nil, w.predicate.readsOnlyItsRow,
                readsOnlyLeft(w.predicate, join: j)
            else {
                i += 1
                continue
            }
            // The join's first outputs are the left columns in order, so the predicate's column indices
            // mean the same columns of the join's input.
            out.swapAt(i, i + 1)
            out[i].schema = i == 0 ? input : out[i - 1].schema
            // A following `where` may move too; look at the join again at its new place.
            i += 1
        }
        return out
    }

    /// Whether every column the predicate reads is one of the join's left-side outputs, which come first
    /// and keep their index (false when the outputs are not laid out that way).
    private static func readsOnlyLeft(_ predicate: BoundExpression, join j: BoundJoin) -> Bool {
        let leftCount = j.outputs.prefix { $0.side == .left }.count
        for (k, o) in j.outputs.prefix(leftCount).enumerated() where o.column != k { return false }
        var read = Set<Int>()
        predicate.collectColumns(into: &read)
        return read.allSatisfy { $0 < leftCount }
    }
}
