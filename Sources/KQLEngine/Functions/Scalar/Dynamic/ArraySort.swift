import Columnar

extension RowFunction {
    /// `array_sort_asc(a [, nulls_last])` and `array_sort_desc(a [, nulls_last])`.
    static let arraySortAsc = sort(name: "array_sort_asc", ascending: true)
    static let arraySortDesc = sort(name: "array_sort_desc", ascending: false)

    /// Sorts one array; nulls go last unless the optional bool says otherwise.
    static func sort(name: String, ascending: Bool) -> RowFunction {
        RowFunction(name: name, arity: 1...2, kinds: [.dynamic, .bool], out: .dynamic, strict: false) { r in
            guard let a = array(r[0]) else { return .dynamic(.null) }
            var nullsLast = true
            if r.count > 1, case .bool(let b) = ValueOrder.unwrap(r[1]) { nullsLast = b }
            let nulls = a.filter { $0 == .null }
            let values = a.filter { $0 != .null }
            let sorted = values.sorted { x, y in
                let c = ValueOrder.compare(.dynamic(x), .dynamic(y)) ?? (x.jsonText < y.jsonText ? -1 : 1)
                return ascending ? c < 0 : c > 0
            }
            return .dynamic(.array(nullsLast ? sorted + nulls : nulls + sorted))
        }
    }
}
