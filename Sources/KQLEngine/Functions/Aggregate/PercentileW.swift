import Columnar

/// `percentilew(x, weight, p)`: the weighted nearest-rank percentile, each value counted `weight` times
/// (a non-positive or null weight drops the row): the smallest value whose cumulative weight reaches p% of
/// the group's total weight (p = 0 is the minimum). Computed exactly, where Kusto estimates with T-Digest.
/// Named `percentile_x_p` like `percentile()`; null for a group without weight.
struct PercentileWAggregate: AggregateFunction {
    let name = "percentilew"

    func percent(_ args: [ArgumentInfo]) throws(FunctionError) -> Double {
        let c = try Signature.constant(name, args, 2, "percentile")
        guard let p = Numeric.double(c), p >= 0, p <= 100 else {
            throw FunctionError(.argument, "\(name)() percentile must be a number between 0 and 100, got \(c.text)", argument: 2)
        }
        return p
    }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.any, .integer, .number])
        let t = args[0].type == .int ? .long : args[0].type
        return [Field(AggregateSupport.name("percentile", args) + "_" + PercentileAggregate.label(try percent(args)), t)]
    }

    func aggregate(_ args: [ColumnarValue], star: [Column], groups: GroupIndex,
                   context: FunctionContext) throws(FunctionError) -> [Column] {
        let p = try percent(args.map { ArgumentInfo(type: $0.type, constant: $0.constantValue) })
        let t = args[0].type == .int ? ScalarType.long : args[0].type
        var lists = [[(value: Value, weight: Int64)]](repeating: [], count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() {
            let v = args[0].value(i)
            guard !v.isNull, let w = Numeric.long(args[1].value(i)), w > 0 else { continue }
            if case .real(let d) = v, d.isNaN { continue }
            lists[Int(g)].append((v, w))
        }
        let results: [Value] = lists.map { list in
            let sorted = list.sorted { ValueOrder.sortedAscending($0.value, $1.value) }
            let total = sorted.reduce(0.0) { $0 + Double($1.weight) }
            guard total > 0 else { return .null }
            let rank = max(1, (p / 100 * total).rounded(.up))
            var cumulative = 0.0
            for e in sorted {
                cumulative += Double(e.weight)
                if cumulative >= rank { return e.value }
            }
            return sorted.last?.value ?? .null
        }
        return [AggregateSupport.column(results, t)]
    }
}
