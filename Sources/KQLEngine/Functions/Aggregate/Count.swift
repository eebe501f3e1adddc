import Columnar

/// `count()`: rows per group (0 for the empty input of a summarize without `by`). Named `count_`,
/// or `count_x` for `count(x)` over a column (which counts nulls too, as the docs show).
struct CountAggregate: AggregateFunction {
    let name = "count"
    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.count(name, args, 0...1)
        return [Field("count_" + (args.first?.columnName ?? ""), .long)]
    }
    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        if groups.groupCount == 1 {
            counts[0] = Int64(groups.groupIDs.count)
        } else {
            // A count is at most the row count, an Int, so `&+=` never wraps; ids are dense in
            // 0..<groupCount, so the unchecked buffer access stays in bounds.
            groups.groupIDs.withUnsafeBufferPointer { ids in
                counts.withUnsafeMutableBufferPointer { c in for g in ids { c[Int(g)] &+= 1 } }
            }
        }
        return [Column(int64s: counts)]
    }
}
