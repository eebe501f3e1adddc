import Columnar

/// `min(x)`, `max(x)`, `minif(x, predicate)`, `maxif(x, predicate)`: the smallest/largest
/// non-null value per group, of `x`'s type; null for a group with none. Named `min_x`, `maxif_x`...
struct ExtremeAggregate: AggregateFunction {
    let isMax: Bool
    let conditional: Bool
    var name: String { (isMax ? "max" : "min") + (conditional ? "if" : "") }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, conditional ? [.any, .bool] : [.any])
        return [Field(AggregateSupport.name(name, args), args[0].type)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        let t = args[0].type
        switch t {
        case .long, .datetime, .timespan: return [fixed(args[0], Int64.self, t, groups, mask)]
        case .int: return [fixed(args[0], Int32.self, t, groups, mask)]
        case .real: return [fixed(args[0], Double.self, t, groups, mask)]
        default:
            let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
            let isMax = self.isMax
            return [
                AggregateSupport.column(
                    vals.map { v in
                        v.reduce(Value.null) { best, x in
                            if best.isNull { return x }
                            guard let c = ValueOrder.compare(x, best) else { return best }
                            return (isMax ? c > 0 : c < 0) ? x : best
                        }
                    }, t)
            ]
        }
    }

    private func fixed<T: FixedValue & Comparable>(
        _ v: ColumnarValue, _: T.Type, _ t: ScalarType, _ groups: GroupIndex,
        _ mask: [Bool]?
    ) -> Column {
        let x = FixedArgument<T>(v)
        var best = [T](repeating: T.nullFill, count: groups.groupCount)
        var seen = [Bool](repeating: false, count: groups.groupCount)
        let isMax = self.isMax
        for (i, g32) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) {
            let g = Int(g32), value = x[i]
            if let d = value as? Double, d.isNaN { continue }
            if !seen[g] || (isMax ? value > best[g] : value < best[g]) { best[g] = value; seen[g] = true }
        }
        var w = FixedColumnWriter<T>(type: t, count: groups.groupCount)
        for g in 0..<groups.groupCount { if seen[g] { w.set(g, best[g]) } else { w.setNull(g) } }
        return w.finish()
    }
}
