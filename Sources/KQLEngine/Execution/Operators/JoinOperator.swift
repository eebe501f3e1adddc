import Columnar
import KQLSyntax

/// `join` and `lookup`: hash join on equal keys. The right side is hashed; the left side probes it,
/// so matches come out in left-row order. Null keys (other than strings) match nothing.
///
/// - innerunique: the left side is first reduced to its first row per key, then inner-joined;
/// - inner / leftouter / rightouter / fullouter: every matching pair, plus unmatched rows padded with nulls
///   on the other side for the outer kinds;
/// - leftsemi / leftanti / rightsemi / rightanti: one side's rows that have (or lack) a match.
///
/// The number of output rows is counted from the hashed keys before any pair is collected, and the
/// output charged to the budget first, so a join that would explode (every key equal on two large
/// sides) fails with `E_QUERY_MEMORY` before it allocates.
struct JoinOperator {
    /// Left rows probed between two checks of the deadline and the cancellation switch.
    static let blockRows = 1 << 16
    let bound: BoundJoin
    /// The right side, run (inside the join's budget account) before the left side probes it.
    let right: PhysicalPlan

    func execute(left: Table, right: Table, _ budget: QueryBudget) throws(KQLError) -> Table {
        var lk = bound.leftKeys.map { left.columns[$0] }
        var rk = bound.rightKeys.map { right.columns[$0] }
        for k in lk.indices where lk[k].type != rk[k].type {
            let t: ScalarType = lk[k].type == .real || rk[k].type == .real ? .real : .long
            lk[k] = JoinOperator.widen(lk[k], to: t); rk[k] = JoinOperator.widen(rk[k], to: t)
        }
        let interner = KeyInterner(types: lk.map(\.type), expected: right.rowCount)
        let rids = try interner.intern(rk, checking: budget)
        let lids = try interner.intern(lk, checking: budget)
        let groups = interner.groupCount
        let rNull = KeyInterner.nullRows(rk), lNull = KeyInterner.nullRows(lk)
        try budget.charge(count: groups + right.rowCount + left.rowCount + right.rowCount, bytesEach: 4)
        let rows = outputRows(lids: lids, rids: rids, groups: groups, lNull: lNull, rNull: rNull, right: right.rowCount)
        var rowBytes = 16
        for (side, c) in bound.outputs {
            rowBytes = MemorySize.sum(rowBytes, MemorySize.perRow(side == .left ? left.columns[c] : right.columns[c]))
        }
        try budget.charge(count: rows, bytesEach: rowBytes)

        var head = [Int32](repeating: -1, count: groups)
        var next = [Int32](repeating: -1, count: right.rowCount)
        head.withUnsafeMutableBufferPointer { h in
            next.withUnsafeMutableBufferPointer { nx in
                rids.withUnsafeBufferPointer { ids in
                    for r in stride(from: right.rowCount - 1, through: 0, by: -1) where rNull?[r] != true {
                        let g = Int(ids[r])
                        nx[r] = h[g]; h[g] = Int32(r)
                    }
                }
            }
        }

        var li: [Int] = [], ri: [Int] = []
        li.reserveCapacity(left.rowCount); ri.reserveCapacity(left.rowCount)
        switch bound.kind {
        case .inner where lNull == nil:
            // The common case without the per-row checks of the outer and unique kinds.
            // In blocks of left rows, so a long probe stops at Ctrl-C or its deadline within one block.
            for start in stride(from: 0, to: lids.count, by: JoinOperator.blockRows) {
                JoinOperator.probeInner(
                    lids, start..<min(lids.count, start + JoinOperator.blockRows), head, next, &li, &ri)
                try budget.checkDeadline()
            }
        case .inner, .innerunique, .leftouter, .rightouter, .fullouter:
            var seenLeftKey = bound.kind == .innerunique ? [Bool](repeating: false, count: groups) : []
            var matchedRight =
                bound.kind == .rightouter || bound.kind == .fullouter
                ? [Bool](repeating: false, count: right.rowCount) : []
            let keepUnmatchedLeft = bound.kind == .leftouter || bound.kind == .fullouter
            for l in 0..<left.rowCount {
                if l % JoinOperator.blockRows == JoinOperator.blockRows - 1 { try budget.checkDeadline() }
                let g = Int(lids[l])
                let isNull = lNull?[l] == true
                if bound.kind == .innerunique {
                    if isNull || seenLeftKey[g] { continue }
                    seenLeftKey[g] = true
                }
                var r = isNull ? -1 : Int(head[g])
                if r < 0 {
                    if keepUnmatchedLeft { li.append(l); ri.append(-1) }
                    continue
                }
                while r >= 0 {
                    li.append(l); ri.append(r)
                    if !matchedRight.isEmpty { matchedRight[r] = true }
                    r = Int(next[r])
                }
            }
            if !matchedRight.isEmpty {
                for r in 0..<right.rowCount where !matchedRight[r] { li.append(-1); ri.append(r) }
            }
        case .leftsemi, .leftanti:
            let semi = bound.kind == .leftsemi
            for l in 0..<left.rowCount {
                let has = lNull?[l] != true && head[Int(lids[l])] >= 0
                if has == semi { li.append(l) }
            }
        case .rightsemi, .rightanti:
            var leftHas = [Bool](repeating: false, count: groups)
            for l in 0..<left.rowCount where lNull?[l] != true { leftHas[Int(lids[l])] = true }
            let semi = bound.kind == .rightsemi
            for r in 0..<right.rowCount {
                let has = rNull?[r] != true && leftHas[Int(rids[r])]
                if has == semi { ri.append(r) }
            }
        }
        // A side whose rows come out exactly once and in order (a key-to-key join where every left
        // row matches one right row) keeps its columns as they are.
        let leftAsIs = JoinOperator.isIdentity(li, left.rowCount),
            rightAsIs = JoinOperator.isIdentity(ri, right.rowCount)
        var columns: [Column] = []
        for (side, c) in bound.outputs {
            let column =
                side == .left
                ? (leftAsIs ? left.columns[c] : left.columns[c].gather(li))
                : (rightAsIs ? right.columns[c] : right.columns[c].gather(ri))
            columns.append(column.withEmptyStringsForNulls)
        }
        let n = side0Count(li, ri)
        return Table(
            schema: Schema(zip(bound.schema.fields, columns).map { Field($0.name, $1.type) }), columns: columns,
            rowCount: n)
    }

    /// The rows the join produces (an upper bound for the outer kinds' unmatched right rows), counted
    /// from how many right rows share each key, without collecting pairs.
    private func outputRows(lids: [Int32], rids: [Int32], groups: Int, lNull: [Bool]?, rNull: [Bool]?, right: Int)
        -> Int
    {
        switch bound.kind {
        case .leftsemi, .leftanti: return lids.count
        case .rightsemi, .rightanti: return right
        default: break
        }
        var perKey = [Int](repeating: 0, count: groups)
        for r in 0..<rids.count where rNull?[r] != true { perKey[Int(rids[r])] += 1 }
        var seen = bound.kind == .innerunique ? [Bool](repeating: false, count: groups) : []
        let keepUnmatchedLeft = bound.kind == .leftouter || bound.kind == .fullouter
        var total = 0
        for l in 0..<lids.count {
            let g = Int(lids[l])
            let matches = lNull?[l] == true ? 0 : perKey[g]
            if bound.kind == .innerunique {
                if lNull?[l] == true || seen[g] { continue }
                seen[g] = true
            }
            total = MemorySize.sum(total, keepUnmatchedLeft ? max(matches, 1) : matches)
        }
        return bound.kind == .rightouter || bound.kind == .fullouter ? MemorySize.sum(total, right) : total
    }

    /// Every (left, right) pair with equal key ids, in left-row order; no left key is null.
    private static func probeInner(
        _ lids: [Int32], _ rows: Range<Int>, _ head: [Int32], _ next: [Int32], _ li: inout [Int], _ ri: inout [Int]
    ) {
        lids.withUnsafeBufferPointer { ids in
            head.withUnsafeBufferPointer { h in
                next.withUnsafeBufferPointer { nx in
                    for l in rows {
                        var r = Int(h[Int(ids[l])])
                        while r >= 0 {
                            li.append(l); ri.append(r)
                            r = Int(nx[r])
                        }
                    }
                }
            }
        }
    }

    /// Whether `indices` is `0..<count` itself.
    private static func isIdentity(_ indices: [Int], _ count: Int) -> Bool {
        guard indices.count == count else { return false }
        return indices.withUnsafeBufferPointer { p in
            for k in 0..<p.count where p[k] != k { return false }
            return true
        }
    }

    private func side0Count(_ li: [Int], _ ri: [Int]) -> Int {
        switch bound.kind {
        case .rightsemi, .rightanti: return ri.count
        default: return li.count
        }
    }

    /// A numeric key column converted so both sides of the join compare in one type.
    static func widen(_ c: Column, to t: ScalarType) -> Column {
        if c.type == t { return c }
        var b = ColumnBuilder(type: t, capacity: c.count)
        for i in 0..<c.count {
            switch c.value(i) {
            case .int(let v): b.append(t == .real ? .real(Double(v)) : .long(Int64(v)))
            case .long(let v): b.append(t == .real ? .real(Double(v)) : .long(v))
            case .real(let v): b.append(.real(v))
            default: b.appendNull()
            }
        }
        return b.finish()
    }
}

extension JoinOperator: PhysicalOperator {
    var name: String { "join" }
    /// The right side is hashed whole; kinds that keep unmatched right rows need every probe done.
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(left: input, right: try executor.run(right), executor.context.budget)
    }
}
