/// Maximum bipartite matching of expected rows to actual rows (Kuhn's augmenting paths).
///
/// Fuzzy cells make "matches" non-transitive (`0.3` matches 0.31 and 0.29), so matching greedily could
/// pair a row with one another expected row needed; augmenting paths find a complete pairing when one exists.
enum RowMatching {
    /// Above this many candidate pairs the matching is greedy, to keep a huge mismatch from taking long.
    static let exhaustiveLimit = 4_000_000

    /// For each matched expected row, its actual row.
    static func maximum(expected: Int, actual: Int, matches: (Int, Int) -> Bool) -> [Int: Int] {
        var cache: [Int: Bool] = [:]
        func m(_ i: Int, _ j: Int) -> Bool {
            let key = i * max(actual, 1) + j
            if let v = cache[key] { return v }
            let v = matches(i, j)
            cache[key] = v
            return v
        }
        var ownerOf = [Int?](repeating: nil, count: actual)
        if expected * actual > exhaustiveLimit {
            var result: [Int: Int] = [:]
            for i in 0..<expected {
                if let j = (0..<actual).first(where: { ownerOf[$0] == nil && matches(i, $0) }) {
                    ownerOf[j] = i; result[i] = j
                }
            }
            return result
        }
        func augment(_ i: Int, _ seen: inout [Bool]) -> Bool {
            for j in 0..<actual where !seen[j] && m(i, j) {
                seen[j] = true
                let reassigned: Bool
                if let owner = ownerOf[j] { reassigned = augment(owner, &seen) } else { reassigned = true }
                if reassigned {
                    ownerOf[j] = i
                    return true
                }
            }
            return false
        }
        for i in 0..<expected {
            // Fast path: an identical free row is the common case.
            if let j = (0..<actual).first(where: { ownerOf[$0] == nil && m(i, $0) }) { ownerOf[j] = i; continue }
            var seen = [Bool](repeating: false, count: actual)
            _ = augment(i, &seen)
        }
        var result: [Int: Int] = [:]
        for (j, owner) in ownerOf.enumerated() { if let owner { result[owner] = j } }
        return result
    }
}
