import Columnar
import Foundation

/// `variance(x)`, `variancep(x)`, `stdev(x)`, `stdevp(x)`: sample (n − 1) or population (n)
/// variance and standard deviation of the group's non-null values, as real; a single value has
/// sample variance 0. With no values, the sample forms (`variance`, `stdev`, and so `varianceif`,
/// `stdevif`) give 0 and the population forms null, as the summarize page's table of default values says.
/// Named `variance_x`, `stdev_x`, ...
struct VarianceAggregate: AggregateFunction {
    enum Kind: String, Sendable { case stdev, stdevp, variance, variancep }
    let kind: Kind
    var name: String { kind.rawValue }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.number])
        return [Field(AggregateSupport.name(name, args), .real)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let x = FixedArgument<Double>(Numeric.cast(args[0], to: .real, rows: n))
        // Welford's online algorithm: stable for large values with small spread.
        var count = [Double](repeating: 0, count: groups.groupCount)
        var mean = count, m2 = count
        for (i, g32) in groups.groupIDs.enumerated() where !x.isNull(i) {
            let g = Int(g32), v = x[i]
            count[g] += 1
            let d = v - mean[g]
            mean[g] += d / count[g]
            m2[g] += d * (v - mean[g])
        }
        let population = kind == .stdevp || kind == .variancep
        let root = kind == .stdev || kind == .stdevp
        let values: [Double] = (0..<groups.groupCount).map { g in
            let c = count[g]
            guard c > 0 else { return population ? .nan : 0 }
            let v = population ? m2[g] / c : (c > 1 ? m2[g] / (c - 1) : 0)
            return root ? sqrt(v) : v
        }
        return [Column(reals: values, valid: count.map { population ? $0 > 0 : true })]
    }
}
