import Columnar

/// `countif(predicate)`: rows per group where the predicate is true. Named `countif_`.
struct CountifAggregate: AggregateFunction {
    let name = "countif"
    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.bool])
        return [Field("countif_", .long)]
    }
    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let m = AggregateSupport.mask(args[0], rows: AggregateSupport.rows(groups))
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() where m[i] { counts[Int(g)] += 1 }
        return [Column(int64s: counts)]
    }
}
