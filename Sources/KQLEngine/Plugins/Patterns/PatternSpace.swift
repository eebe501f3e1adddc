import Columnar
import KQLSyntax

/// The rows a pattern-mining plugin (`basket`, `autocluster`, `diffpatterns`, `diffpatterns_text`) looks at,
/// reduced to their distinct combinations of dimension values, each with its weight in set A and set B (the
/// plugins that compare no sets put every row in A). A value is a code per dimension, -1 for null.
struct PatternSpace {
    /// Per dimension: its distinct non-null values, by code.
    private(set) var values: [[Value]]
    /// Per distinct combination: the code of each dimension's value.
    private(set) var codes: [[Int32]] = []
    private(set) var weightA: [Double] = [], weightB: [Double] = []
    private(set) var totalA = 0.0, totalB = 0.0

    var dimensions: Int { values.count }

    /// The space of `rows` rows whose cells `cell(row, dimension)` gives; `set(row)` says which set a row is in
    /// (0 for A, 1 for B, nil to leave it out) and `weight(row)` its weight (rows of weight 0 or less are left out).
    init(
        dimensions: Int, rows: Int, cell: (Int, Int) -> Value, set: (Int) -> Int?, weight: (Int) -> Double,
        budget: QueryBudget
    ) throws(KQLError) {
        values = [[Value]](repeating: [], count: dimensions)
        var codeOf = [[Value: Int32]](repeating: [:], count: dimensions)
        var combination: [[Int32]: Int] = [:]
        for r in 0..<rows {
            if r % 65_536 == 0 { try budget.checkDeadline() }
            guard let s = set(r) else { continue }
            let w = weight(r)
            guard w > 0, w.isFinite else { continue }
            var key = [Int32](repeating: -1, count: dimensions)
            for d in 0..<dimensions {
                let v = cell(r, d)
                guard !v.isNull else { continue }
                if let c = codeOf[d][v] {
                    key[d] = c
                } else {
                    let c = Int32(clamping: values[d].count)
                    codeOf[d][v] = c
                    values[d].append(v)
                    key[d] = c
                }
            }
            let t: Int
            if let known = combination[key] {
                t = known
            } else {
                t = codes.count
                combination[key] = t
                codes.append(key); weightA.append(0); weightB.append(0)
            }
            if s == 0 {
                weightA[t] += w; totalA += w
            } else {
                weightB[t] += w; totalB += w
            }
        }
        try budget.charge(count: codes.count, bytesEach: 16 + 4 * dimensions, for: "pattern mining")
    }
}

/// A pattern: a value code or -1 (any value) for each dimension, with the weight of the rows it matches in each set.
struct MinedPattern {
    var codes: [Int32]
    var countA: Double, countB: Double
    /// The number of dimensions with a value.
    var size: Int { codes.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    /// True when every value `other` fixes, this one fixes too (it matches a subset of the rows).
    func refines(_ other: MinedPattern) -> Bool {
        zip(codes, other.codes).allSatisfy { $1 < 0 || $0 == $1 }
    }
}
