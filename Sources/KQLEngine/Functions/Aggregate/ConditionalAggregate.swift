import Columnar

/// The `*if` form of an aggregate (`stdevif(x, p)`, `varianceif(x, p)`, `make_bag_if(x, p [, max])`): the
/// predicate argument at `predicateIndex` picks the rows the underlying aggregate sees (null counts as false).
/// Groups whose rows are all left out still get a result: the underlying aggregate's empty value.
struct ConditionalAggregate: AggregateFunction {
    let name: String
    let base: any AggregateFunction
    let predicateIndex: Int
    /// The prefix of the base's result names to replace, when it is not the base's name (`take_any`
    /// names its result `any_x`, so `take_anyif` names its `anyif_x`).
    var basePrefix: String? = nil
    var prefix: String? = nil

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        guard args.count > predicateIndex else {
            throw FunctionError(.argument, "\(name)() needs a bool predicate as argument \(predicateIndex + 1)")
        }
        try Signature.check(name, [args[predicateIndex]], [.bool])
        var rest = args
        rest.remove(at: predicateIndex)
        var fields = try base.outputColumns(rest, star: star)
        // stdevif(x, p) is named stdevif_x where stdev(x) is stdev_x.
        let from = basePrefix ?? base.name, to = prefix ?? name
        for k in fields.indices where fields[k].name.hasPrefix(from + "_") {
            fields[k].name = to + fields[k].name.dropFirst(from.count)
        }
        return fields
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = AggregateSupport.mask(args[predicateIndex], rows: n)
        let kept = (0..<n).filter { mask[$0] }
        var rest = args
        rest.remove(at: predicateIndex)
        let narrowed: [ColumnarValue] = rest.map { a in
            if case .column(let c) = a { return .column(c.gather(kept)) }
            return a
        }
        let subset = GroupIndex(groupIDs: kept.map { groups.groupIDs[$0] }, groupCount: groups.groupCount)
        return try base.aggregate(
            narrowed, star: star.map { $0.gather(kept) }, groups: subset,
            context: FunctionContext(
                now: context.now, rowCount: kept.count, randomSeed: context.randomSeed,
                budget: context.budget))
    }
}

/// `make_list_with_nulls(x)`: the group's values in row order as a dynamic array, nulls included.
struct MakeListWithNullsAggregate: AggregateFunction {
    let name = "make_list_with_nulls"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.any])
        return [Field(AggregateSupport.name("list", args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var lists = [[Dynamic]](repeating: [], count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() { lists[Int(g)].append(args[0].value(i).asDynamic) }
        var b = ColumnBuilder(type: .dynamic, capacity: groups.groupCount)
        for l in lists { b.append(dynamic: .array(l)) }
        return [b.finish()]
    }
}
