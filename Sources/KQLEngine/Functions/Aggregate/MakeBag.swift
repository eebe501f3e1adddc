import Columnar

/// `make_bag(bag [, max])`: one property bag merging the group's bags (non-bag values are
/// skipped; for a repeated key the first value seen wins). Named `bag_x`.
struct MakeBagAggregate: AggregateFunction {
    let name = "make_bag"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.dynamic, .integer], arity: 1...2)
        return [Field(AggregateSupport.name("bag", args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var limit = 1_048_576
        if args.count > 1, let m = args[1].constantValue.flatMap(Numeric.long), m > 0 {
            limit = Int(min(m, Int64(limit)))
        }
        // Each input row is boxed once; the merged bags share their values with the input.
        try context.budget.chargeValue(
            MemorySize.product(AggregateSupport.rows(groups), MemoryLayout<Value>.stride + MemoryLayout<Dynamic>.stride)
        )
        let vals = AggregateSupport.valuesByGroup(args[0], groups)
        let bags: [Value] = vals.map { v in
            var out = PropertyBag()
            for x in v {
                guard case .dynamic(.bag(let b)) = x else { continue }
                for (k, d) in b.pairs where out[k] == nil && out.count < limit { out[k] = d }
            }
            return .dynamic(.bag(out))
        }
        return [AggregateSupport.column(bags, .dynamic)]
    }
}
