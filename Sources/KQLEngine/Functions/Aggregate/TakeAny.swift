import Columnar

/// `take_any(x)`: some non-null value of the group (here: the first in input order), or null.
/// Named `any_x`, as Kusto names it.
struct TakeAnyAggregate: AggregateFunction {
    var name = "take_any"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.count(name, args, 1...1)
        return [Field(AggregateSupport.name("any", args), args[0].type)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var first = [Int](repeating: -1, count: groups.groupCount)
        let col = try args[0].column(count: AggregateSupport.rows(groups), charging: context.budget)
        for (i, g) in groups.groupIDs.enumerated() where first[Int(g)] < 0 && !col.isNull(i) { first[Int(g)] = i }
        return [col.gather(first)]
    }
}
