import Columnar
import KQLSyntax

/// `array_sort_asc(array1 [, ..., arrayN] [, nulls_last])` and `array_sort_desc(...)`: the first array sorted
/// (numbers, datetimes and timespans, then strings, then guids, then the rest; nulls last unless `nulls_last` is
/// false), the other arrays reordered to match. One array gives one array; several, alone in extend or project, give
/// one column each, named `<array>_sorted` (the page's `array1_sorted`), and inside an expression an array of the
/// sorted arrays. An array whose length differs from the first's is null.
struct ArraySortFunction: MultiColumnFunction, SummarizedFunction {
    let name: String
    let ascending: Bool
    var summary: String {
        ascending
            ? "The array sorted ascending; arrays after it reordered to match."
            : "The array sorted descending; arrays after it reordered to match."
    }

    static let asc = ArraySortFunction(name: "array_sort_asc", ascending: true)
    static let desc = ArraySortFunction(name: "array_sort_desc", ascending: false)

    /// Several columns when more than one array is given: a trailing `true`/`false` literal is `nulls_last`.
    func expands(_ arguments: [ArgumentSyntax]) -> Bool {
        var n = arguments.count
        if let last = arguments.last, case .literal(.bool, _, _) = last.value { n -= 1 }
        return n > 1
    }

    func defaultNames(function: String, argumentNames: [String?], components: [Field]) -> [String] {
        components.indices.map { k in "\(argumentNames[k] ?? "array\(k + 1)")_sorted" }
    }

    /// The arrays among the arguments (a bool last one is `nulls_last`).
    private func arrayCount(_ args: [ArgumentInfo]) -> Int {
        args.count > 1 && args[args.count - 1].type == .bool ? args.count - 1 : args.count
    }

    func components(_ args: [ArgumentInfo]) throws(FunctionError) -> [Field] {
        try check(args)
        return (0..<arrayCount(args)).map { Field("sorted\($0)", .dynamic) }
    }

    private func check(_ args: [ArgumentInfo]) throws(FunctionError) {
        try Signature.count(name, args, 1...64)
        for i in 0..<arrayCount(args) { try Signature.expect(name, args, i, .dynamic) }
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try check(args)
        return .dynamic
    }

    /// Inside an expression one array gives the sorted array and several give an array of the sorted arrays
    /// (the pages' `array_sort_asc(timestamps, commands)[1]`).
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            let sorted = try self.row(r)
            return sorted.count == 1 ? sorted[0] : .dynamic(.array(sorted.map(\.asDynamic)))
        }
    }

    func row(_ args: [Value]) throws(FunctionError) -> [Value] {
        var nullsLast = true, arrays = args
        if arrays.count > 1, case .bool(let b) = ValueOrder.unwrap(arrays[arrays.count - 1]) {
            nullsLast = b; arrays.removeLast()
        } else if arrays.count > 1, case .null = arrays[arrays.count - 1] {
            arrays.removeLast()
        }  // a null nulls_last
        guard case .dynamic(.array(let first)) = arrays[0] else { return arrays.map { _ in .dynamic(.null) } }
        let order = first.indices.sorted { i, j in
            let a = first[i], b = first[j]
            if a == .null || b == .null {
                if a == .null, b == .null { return i < j }
                return (a == .null) != nullsLast
            }
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ascending ? ra < rb : ra > rb }
            let c =
                ValueOrder.compare(.dynamic(a), .dynamic(b))
                ?? (a.jsonText < b.jsonText ? -1 : (a.jsonText == b.jsonText ? 0 : 1))
            return c == 0 ? i < j : (ascending ? c < 0 : c > 0)
        }
        return arrays.map { v in
            guard case .dynamic(.array(let items)) = v, items.count == first.count else { return .dynamic(.null) }
            return .dynamic(.array(order.map { items[$0] }))
        }
    }

    /// The page's order of element kinds.
    private func rank(_ d: Dynamic) -> Int {
        switch d {
        case .long, .real, .decimal, .datetime, .timespan: return 0
        case .string: return 1
        case .guid: return 2
        default: return 3
        }
    }
}
