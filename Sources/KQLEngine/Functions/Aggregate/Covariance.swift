import Columnar

/// `covariance(x, y)` and `covariancep(x, y)`: the sample (n − 1) or population (n) covariance of the
/// group's rows where both values are non-null, as real; a single pair has sample covariance 0. With no
/// pairs the sample form gives 0 and the population form null, as the variance aggregates do. Named
/// `covariance_x_y` (the reference's examples); `covarianceif`/`covariancepif` are their `*if` forms.
struct CovarianceAggregate: AggregateFunction {
    let population: Bool
    var name: String { population ? "covariancep" : "covariance" }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.number, .number])
        return [Field(AggregateSupport.name(name, args) + "_" + (args[1].columnName ?? ""), .real)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let x = FixedArgument<Double>(Numeric.cast(args[0], to: .real, rows: n))
        let y = FixedArgument<Double>(Numeric.cast(args[1], to: .real, rows: n))
        // Welford's update for the co-moment: stable when the values are large and their spread small.
        var count = [Double](repeating: 0, count: groups.groupCount)
        var meanX = count, meanY = count, comoment = count
        for (i, g32) in groups.groupIDs.enumerated() where !x.isNull(i) && !y.isNull(i) {
            let g = Int(g32)
            count[g] += 1
            let dx = x[i] - meanX[g]
            meanX[g] += dx / count[g]
            meanY[g] += (y[i] - meanY[g]) / count[g]
            comoment[g] += dx * (y[i] - meanY[g])
        }
        let population = self.population
        let values: [Double] = (0..<groups.groupCount).map { g in
            let c = count[g]
            guard c > 0 else { return population ? .nan : 0 }
            return population ? comoment[g] / c : (c > 1 ? comoment[g] / (c - 1) : 0)
        }
        return [Column(reals: values, valid: count.map { population ? $0 > 0 : true })]
    }
}
