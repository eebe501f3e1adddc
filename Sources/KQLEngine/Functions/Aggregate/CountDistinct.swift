import Columnar

/// `count_distinct(x)` / `count_distinctif(x, predicate)`: the exact number of distinct non-null values per
/// group (a hash set; the reference defines these as exact, unlike `dcount`'s estimate). 0 for a group
/// without values, as the summarize page's table of defaults says. Named `count_distinct_x` /
/// `count_distinctif_x`.
struct CountDistinctAggregate: AggregateFunction {
    let conditional: Bool
    var name: String { conditional ? "count_distinctif" : "count_distinct" }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        if conditional {
            try Signature.check(name, args, [.any, .bool])
        } else {
            try Signature.check(name, args, [.any])
        }
        return [Field(AggregateSupport.name(name, args), .long)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        if args[0].type == .long || args[0].type == .datetime || args[0].type == .timespan {
            let x = FixedArgument<Int64>(args[0])
            var sets = [Set<Int64>](repeating: [], count: groups.groupCount)
            for (i, g) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) {
                sets[Int(g)].insert(x[i])
            }
            return [Column(int64s: sets.map { Int64($0.count) })]
        }
        let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
        return [
            Column(
                int64s: vals.map { v in
                    Int64(Set(v.compactMap { SetMembershipOperator.key($0, caseless: false) }).count)
                })
        ]
    }
}
