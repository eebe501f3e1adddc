import Foundation

/// The beta distribution and the regularized incomplete beta function, for `beta_cdf`, `beta_pdf`,
/// `beta_inv` and `welch_test` (Student's t tail probabilities are incomplete beta values).
enum BetaDistribution {
    /// ln B(a, b).
    static func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }

    /// x^p (1−x)^q / B(a, b). Through the gamma function itself while it stays finite (a + b below 170)
    /// and the powers stay normal, which keeps the last digits; through logarithms otherwise, whose
    /// rounding in the exponent costs a few units in the 15th digit.
    static func scaledPowers(_ x: Double, _ p: Double, _ q: Double, _ a: Double, _ b: Double) -> Double {
        if a + b < 170 {
            let powers = pow(x, p) * pow(1 - x, q)
            let beta = tgamma(a) * tgamma(b) / tgamma(a + b)
            if powers.isNormal, beta.isNormal { return powers / beta }
        }
        return exp(p * log(x) + q * log1p(-x) - logBeta(a, b))
    }

    /// The density at `x` in (0, 1).
    static func pdf(_ x: Double, _ a: Double, _ b: Double) -> Double { scaledPowers(x, a - 1, b - 1, a, b) }

    /// I_x(a, b), the regularized incomplete beta function (the distribution function at `x`), by its
    /// continued fraction (Abramowitz and Stegun 26.5.8), taken on the side of the mean where it
    /// converges fast and reflected with I_x(a, b) = 1 − I_{1−x}(b, a) otherwise.
    static func cdf(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = scaledPowers(x, a, b, a, b)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a, b) / a }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of I_x(a, b), evaluated by the modified Lentz method.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        // Converges in O(sqrt(max(a, b))) steps; the bound covers the functions' parameter range.
        for m in 1...20_000 {
            let m = Double(m)
            // The even step, then the odd step of the fraction's terms.
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d; if abs(d) < tiny { d = tiny }
            c = 1 + even / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d; if abs(d) < tiny { d = tiny }
            c = 1 + odd / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }

    /// The x with I_x(a, b) = p, by bisection (the distribution function is increasing; 200 halvings
    /// reach the last bit of a double).
    static func inverse(_ p: Double, _ a: Double, _ b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }
            if cdf(mid, a, b) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// The two-sided p-value of Student's t statistic `t` with `df` degrees of freedom:
    /// P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
    static func studentTwoSided(_ t: Double, df: Double) -> Double {
        cdf(df / (df + t * t), df / 2, 0.5)
    }
}
