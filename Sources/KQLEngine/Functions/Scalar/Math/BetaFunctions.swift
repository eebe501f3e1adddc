import Columnar

/// `beta_cdf(x, alpha, beta)`, `beta_pdf(x, alpha, beta)` and `beta_inv(p, alpha, beta)`: the beta
/// distribution's function, density and inverse, as reals. Out-of-domain arguments give NaN as the
/// reference states: `beta_cdf` for x outside [0, 1] or a parameter ≤ 0 or > 10000; `beta_pdf` for x
/// outside (0, 1) or a parameter ≤ 0; `beta_inv` for a parameter ≤ 0, and null for a probability outside
/// (0, 1] (the pages' example tables, which the notes beside them contradict). A null argument gives null.
struct BetaFunction: ScalarFunction {
    let name: String
    let f: @Sendable (Double, Double, Double) -> Double?

    static let cdf = BetaFunction(name: "beta_cdf") { x, a, b in
        guard x >= 0, x <= 1, a > 0, a <= 10_000, b > 0, b <= 10_000 else { return .nan }
        return BetaDistribution.cdf(x, a, b)
    }
    static let pdf = BetaFunction(name: "beta_pdf") { x, a, b in
        guard x > 0, x < 1, a > 0, b > 0 else { return .nan }
        return BetaDistribution.pdf(x, a, b)
    }
    static let inverse = BetaFunction(name: "beta_inv") { p, a, b in
        guard a > 0, b > 0 else { return .nan }
        guard p > 0, p <= 1 else { return nil }
        return BetaDistribution.inverse(p, a, b)
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .number, .number]); return .real
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let f = self.f
        return try Kernel.boxed(args, out: .real, rows: context.rowCount) { (r: [Value]) -> Value in
            guard let x = Numeric.double(r[0]), let a = Numeric.double(r[1]), let b = Numeric.double(r[2]) else {
                return .null
            }
            if x.isNaN || a.isNaN || b.isNaN { return .real(.nan) }
            return f(x, a, b).map(Value.real) ?? .null
        }
    }
}

/// `welch_test(mean1, variance1, count1, mean2, variance2, count2)`: the two-sided p-value of Welch's
/// unequal-variances t-test, with the Welch–Satterthwaite degrees of freedom. NaN when the statistic is
/// undefined (both variances zero, a count of 1 or less).
struct WelchTestFunction: ScalarFunction {
    let name = "welch_test"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, Array(repeating: .number, count: 6)); return .real
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .real, rows: context.rowCount) { (r: [Value]) -> Value in
            let x = r.map(Numeric.double)
            guard let m1 = x[0], let v1 = x[1], let n1 = x[2], let m2 = x[3], let v2 = x[4], let n2 = x[5] else {
                return .null
            }
            guard n1 > 1, n2 > 1 else { return .real(.nan) }
            let s1 = v1 / n1, s2 = v2 / n2
            let t = (m1 - m2) / (s1 + s2).squareRoot()
            let df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1))
            guard t.isFinite, df.isFinite, df > 0 else { return .real(.nan) }
            return .real(BetaDistribution.studentTwoSided(t, df: df))
        }
    }
}
