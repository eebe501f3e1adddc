import Columnar
import SeriesAnalysis

/// `series_fit_poly(y [, x [, degree]])`: least-squares polynomial regression (degree 1 by default, x
/// = 1…n when absent), as r-square, coefficients (highest power first), variance, residual variance and
/// the fitted values.
enum SeriesFitPolyFunction {
    static let function = SeriesMultiFunction(
        "series_fit_poly", "Polynomial regression of a series.", arity: 1...3, kinds: [.dynamic, .dynamic, .integer],
        columns: zip(
            ["rsquare", "coefficients", "variance", "rvariance", "poly_fit"],
            [ScalarType.real, .dynamic, .real, .real, .dynamic]
        ).map { Field($0.0, $0.1) }
    ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
        let none: [Value] = [.null, .dynamic(.null), .null, .null, .dynamic(.null)]
        guard let y = SeriesArgument.series(r[0]) else { return none }
        let x = SeriesArgument.series(r[1])
        let degree = SeriesArgument.long(r[2]) ?? 1
        guard degree >= 1, degree <= Int64(PolynomialFit.maximumDegree) else {
            throw FunctionError(
                .seriesArgument, "degree must be between 1 and \(PolynomialFit.maximumDegree), not \(degree)",
                argument: 2)
        }
        guard
            let fit = try SeriesArgument.run({ () throws(SeriesAnalysisError) in
                try PolynomialFit(y: y, x: x, degree: Int(degree))
            })
        else { return none }
        return [
            .real(fit.rsquare), SeriesArgument.reals(fit.coefficients), .real(fit.variance), .real(fit.rvariance),
            SeriesArgument.reals(fit.polyFit),
        ]
    }
}
