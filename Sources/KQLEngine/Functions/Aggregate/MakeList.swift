import Columnar

/// `make_list(x [, max])`, `make_list_if(x, predicate [, max])`, `make_set(x [, max])`,
/// `make_set_if(x, predicate [, max])`: a dynamic array of the group's non-null values in input
/// order (distinct ones for the set forms), at most `max` (default 1,048,576) elements. An array
/// argument's elements are added one by one to a set, as Kusto does. Named `list_x` / `set_x`.
struct MakeListAggregate: AggregateFunction {
    let distinct: Bool
    let conditional: Bool
    var name: String { (distinct ? "make_set" : "make_list") + (conditional ? "_if" : "") }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        if conditional {
            try Signature.check(name, args, [.any, .bool, .integer], arity: 2...3)
        } else {
            try Signature.check(name, args, [.any, .integer], arity: 1...2)
        }
        return [Field(AggregateSupport.name(distinct ? "set" : "list", args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        let maxIndex = conditional ? 2 : 1
        var limit = 1_048_576
        if args.count > maxIndex, let m = args[maxIndex].constantValue.flatMap(Numeric.long) {
            guard m > 0 else {
                throw FunctionError(.argument, "\(name)() max size must be positive, got \(m)", argument: maxIndex)
            }
            limit = Int(min(m, Int64(limit)))
        }
        // Each input row may become one boxed element (and, for the set forms, one entry of the seen-set).
        let perRow =
            MemoryLayout<Value>.stride + MemoryLayout<Dynamic>.stride + MemorySize.dynamicBox + (distinct ? 16 : 0)
        try context.budget.chargeValue(MemorySize.product(n, perRow))
        let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
        let distinct = self.distinct
        let lists: [Value] = vals.map { v in
            var out: [Dynamic] = []
            var seen = Set<Dynamic>()
            for x in v {
                guard out.count < limit else { break }
                if distinct {
                    let items: [Dynamic]
                    if case .dynamic(.array(let a)) = x { items = a } else { items = [x.asDynamic] }
                    for d in items where d != .null && out.count < limit && seen.insert(d).inserted { out.append(d) }
                } else {
                    out.append(x.asDynamic)
                }
            }
            return .dynamic(.array(out))
        }
        return [AggregateSupport.column(lists, .dynamic)]
    }
}
