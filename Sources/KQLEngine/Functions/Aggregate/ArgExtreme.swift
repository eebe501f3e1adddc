import Columnar

/// `arg_max(expr, cols... | *)` / `arg_min(...)`: per group, the row where `expr` is largest
/// (smallest) — the first such row on ties — returning `expr` and the requested columns of that
/// row. With `*`, every input column the binder passes in `star` (the maximized column itself is
/// not repeated). A group where `expr` is always null returns its first row.
/// Output names: `expr`'s column name (`max_`/`min_` for an expression), then each returned
/// column's name.
struct ArgExtremeAggregate: AggregateFunction {
    let isMax: Bool
    var name: String { isMax ? "arg_max" : "arg_min" }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        guard !args.isEmpty else {
            throw FunctionError(
                .type, "\(name)() expects an expression to \(isMax ? "maximize" : "minimize") and the columns to return"
            )
        }
        var fields = [Field(args[0].columnName ?? (isMax ? "max_" : "min_"), args[0].type)]
        for (i, a) in args.enumerated().dropFirst() {
            fields.append(Field(a.columnName ?? "\(name)_arg\(i)", a.type))
        }
        for f in star where f.name != args[0].columnName { fields.append(f) }
        return fields
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        var best = [Int](repeating: -1, count: groups.groupCount)
        var bestValue = [Value](repeating: .null, count: groups.groupCount)
        var first = [Int](repeating: -1, count: groups.groupCount)
        let key = args[0]
        let isMax = self.isMax
        if key.type == .long || key.type == .datetime || key.type == .timespan || key.type == .real || key.type == .int
        {
            let t: ScalarType = key.type == .real ? .real : .long
            let k = Numeric.cast(key.type == .int ? key : key, to: key.type == .int ? .long : key.type, rows: n)
            if t == .real {
                let x = FixedArgument<Double>(k)
                var b = [Double](repeating: 0, count: groups.groupCount)
                for (i, g32) in groups.groupIDs.enumerated() {
                    let g = Int(g32)
                    if first[g] < 0 { first[g] = i }
                    guard !x.isNull(i), !x[i].isNaN else { continue }
                    if best[g] < 0 || (isMax ? x[i] > b[g] : x[i] < b[g]) { best[g] = i; b[g] = x[i] }
                }
            } else {
                let x = FixedArgument<Int64>(k)
                var b = [Int64](repeating: 0, count: groups.groupCount)
                for (i, g32) in groups.groupIDs.enumerated() {
                    let g = Int(g32)
                    if first[g] < 0 { first[g] = i }
                    guard !x.isNull(i) else { continue }
                    if best[g] < 0 || (isMax ? x[i] > b[g] : x[i] < b[g]) { best[g] = i; b[g] = x[i] }
                }
            }
        } else {
            for (i, g32) in groups.groupIDs.enumerated() {
                let g = Int(g32)
                if first[g] < 0 { first[g] = i }
                let v = key.value(i)
                guard !v.isNull else { continue }
                if best[g] < 0 { best[g] = i; bestValue[g] = v; continue }
                if let c = ValueOrder.compare(v, bestValue[g]), isMax ? c > 0 : c < 0 { best[g] = i; bestValue[g] = v }
            }
        }
        let rows = zip(best, first).map { $0 >= 0 ? $0 : $1 }
        var out: [Column] = []
        for a in args { out.append(try a.column(count: n, charging: context.budget).gather(rows)) }
        out += star.map { $0.gather(rows) }
        return out
    }
}
