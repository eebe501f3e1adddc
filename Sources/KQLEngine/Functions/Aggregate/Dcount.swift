import Columnar

/// `dcount(x [, accuracy])` / `dcountif(x, predicate [, accuracy])`: the number of distinct
/// non-null values per group. Computed exactly here (a hash set), not estimated with HyperLogLog as
/// Kusto does, so results on large inputs can differ from Kusto's by its estimation error; the
/// accuracy argument is accepted and ignored. Named `dcount_x` / `dcountif_x`.
///
/// With `exact`, the same count under the names `count_distinct(x)` / `count_distinctif(x, predicate)`,
/// which the reference defines as exact and which take no accuracy.
struct DcountAggregate: AggregateFunction {
    let conditional: Bool
    var exact = false
    var name: String { (exact ? "count_distinct" : "dcount") + (conditional ? "if" : "") }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        let accuracy = exact ? 0 : 1
        if conditional {
            try Signature.check(name, args, [.any, .bool, .integer], arity: 2...(2 + accuracy))
        } else {
            try Signature.check(name, args, [.any, .integer], arity: 1...(1 + accuracy))
        }
        return [Field(AggregateSupport.name(name, args), .long)]
    }

    func aggregate(_ args: [ColumnarValue], star: [Column], groups: GroupIndex,
                   context: FunctionContext) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        if args[0].type == .long || args[0].type == .datetime || args[0].type == .timespan {
            let x = FixedArgument<Int64>(args[0])
            var sets = [Set<Int64>](repeating: [], count: groups.groupCount)
            for (i, g) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) { sets[Int(g)].insert(x[i]) }
            return [Column(int64s: sets.map { Int64($0.count) })]
        }
        let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
        return [Column(int64s: vals.map { v in
            Int64(Set(v.compactMap { SetMembershipOperator.key($0, caseless: false) }).count)
        })]
    }
}
