import Columnar
import SeriesAnalysis

/// `series_fit_line(series)` (six columns) and `series_fit_line_dynamic(series)` (one bag): the
/// least-squares line through the points at x = 1…n, with r-square, slope, variance, residual variance,
/// interception and the fitted values.
enum SeriesFitLineFunctions {
    static let components = ["rsquare", "slope", "variance", "rvariance", "interception", "line_fit"]

    static let columns = SeriesMultiFunction(
        "series_fit_line", "Linear regression of a series, as six columns.",
        arity: 1...1, kinds: [.dynamic],
        columns: zip(components, [ScalarType.real, .real, .real, .real, .real, .dynamic]).map { Field($0.0, $0.1) }
    ) { r in
        values(r[0])
    }

    static let bag = SeriesFunction(
        "series_fit_line_dynamic", "Linear regression of a series, as a property bag.",
        arity: 1...1, kinds: [.dynamic]
    ) { r in
        guard SeriesArgument.series(r[0]) != nil else { return .dynamic(.null) }
        return .dynamic(.bag(PropertyBag(Array(zip(components, values(r[0]).map(\.asDynamic))))))
    }

    /// The six results in the page's order; nulls when the argument is not an array.
    static func values(_ v: Value) -> [Value] {
        guard let s = SeriesArgument.series(v) else { return [.null, .null, .null, .null, .null, .dynamic(.null)] }
        let fit = LineFit(s)
        return [
            .real(fit.rsquare), .real(fit.slope), .real(fit.variance), .real(fit.rvariance), .real(fit.interception),
            SeriesArgument.reals(fit.lineFit),
        ]
    }
}
