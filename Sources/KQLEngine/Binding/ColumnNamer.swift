import Columnar
import KQLSyntax

/// KQL's rules for naming output columns nobody named.
struct ColumnNamer {
    private(set) var used: Set<String>
    private var nextAnonymous = 1

    init(existing: [String]) { used = Set(existing) }

    /// The name a column gets from its expression: a column's own name, `d_key` for `d.key`,
    /// the column inside `bin(x, ...)`-like rounding calls; nil when KQL would make one up.
    static func derivedName(_ e: ExpressionSyntax) -> String? {
        switch e {
        case .name(let n): return n.name
        case .parenthesized(let inner, _): return derivedName(inner)
        case .member(let base, let n, _): return derivedName(base).map { "\($0)_\(n.name)" }
        case .index(let base, let i, _):
            guard let b = derivedName(base) else { return nil }
            if case .literal(let v, _, _) = i { return "\(b)_\(v.text)" }
            return nil
        case .call(let name, let args, _):
            // The sketch readers are named after their sketch column, as the dcount_hll, merge_tdigest and
            // percentiles_array_tdigest pages show (`dcount_hll_merged`, `percentile_tdigest_tdigestRes`).
            if let prefix = sketchReaderNames[name.name], let first = args.first, case .name(let n) = first.value {
                return "\(prefix)_\(n.name)"
            }
            guard
                ["bin", "floor", "bin_at", "bin_auto", "startofday", "startofweek", "startofmonth", "startofyear"]
                    .contains(name.name),
                let first = args.first
            else { return nil }
            if case .name(let n) = first.value { return n.name }
            return nil
        default: return nil
        }
    }

    private static let sketchReaderNames = [
        "dcount_hll": "dcount_hll", "percentile_tdigest": "percentile_tdigest",
        "percentiles_array_tdigest": "percentile_tdigest",
        "percentile_array_tdigest": "percentile_tdigest",
    ]

    /// Whether the expression is named after the column it binds to, which only binding knows:
    /// `column_ifexists('Capital', State)` is named `State` when the row has no `Capital`.
    static func takesBoundColumnName(_ e: ExpressionSyntax) -> Bool {
        if case .call(let name, _, _) = e { return name.name == "column_ifexists" || name.name == "columnifexists" }
        return false
    }

    /// `base`, or `base1`, `base2`... when taken; records the result.
    mutating func unique(_ base: String) -> String {
        var name = base, k = 1
        while used.contains(name) { name = "\(base)\(k)"; k += 1 }
        used.insert(name)
        return name
    }

    /// The next free `ColumnN`.
    mutating func anonymous() -> String {
        while used.contains("Column\(nextAnonymous)") { nextAnonymous += 1 }
        let n = "Column\(nextAnonymous)"
        used.insert(n)
        return n
    }

    mutating func take(_ name: String) { used.insert(name) }
}
