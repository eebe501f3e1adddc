import Columnar
import SeriesAnalysis

/// `series_fit_2lines(series)` (fifteen columns) and `series_fit_2lines_dynamic(series)` (a bag with
/// `left` and `right` bags): the two-segment linear regression with the best total r-square.
enum SeriesFit2LinesFunctions {
    static let top = ["rsquare", "split_idx", "variance", "rvariance", "line_fit"]
    static let side = ["rsquare", "slope", "interception", "variance", "rvariance"]

    static let columns = SeriesMultiFunction(
        "series_fit_2lines", "Two-segment linear regression of a series, as fifteen columns.", arity: 1...1,
        kinds: [.dynamic],
        columns: zip(top, [ScalarType.real, .long, .real, .real, .dynamic]).map { Field($0.0, $0.1) }
            + side.map { Field("right_\($0)", .real) } + side.map { Field("left_\($0)", .real) }
    ) { r in
        guard let fit = fit(r[0]) else { return [Value](repeating: .null, count: 15) }
        return topValues(fit) + sideValues(fit.right) + sideValues(fit.left)
    }

    static let bag = SeriesFunction(
        "series_fit_2lines_dynamic", "Two-segment linear regression of a series, as a property bag.",
        arity: 1...1, kinds: [.dynamic]
    ) { r in
        guard let fit = fit(r[0]) else { return .dynamic(.null) }
        var pairs = Array(zip(top, topValues(fit).map(\.asDynamic)))
        pairs.append(("right", .bag(PropertyBag(Array(zip(side, sideValues(fit.right).map(\.asDynamic)))))))
        pairs.append(("left", .bag(PropertyBag(Array(zip(side, sideValues(fit.left).map(\.asDynamic)))))))
        return .dynamic(.bag(PropertyBag(pairs)))
    }

    private static func fit(_ v: Value) -> TwoLineFit? { SeriesArgument.series(v).flatMap(TwoLineFit.init) }

    private static func topValues(_ f: TwoLineFit) -> [Value] {
        [
            .real(f.rsquare), .long(Int64(f.splitIndex)), .real(f.variance), .real(f.rvariance),
            SeriesArgument.reals(f.lineFit),
        ]
    }

    private static func sideValues(_ s: TwoLineFit.Side) -> [Value] {
        [.real(s.rsquare), .real(s.slope), .real(s.interception), .real(s.variance), .real(s.rvariance)]
    }
}
