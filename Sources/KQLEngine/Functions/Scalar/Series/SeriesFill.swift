import Columnar
import SeriesAnalysis

/// `series_fill_forward(series [, placeholder])`, `series_fill_backward(series [, placeholder])` and
/// `series_fill_const(series, constant [, placeholder])`: replace the missing-value placeholder (null by
/// default; `double(null)`, `long(null)` and `int(null)` mean the same) with the last earlier value, the
/// next later one, or a constant. Every other element keeps its value and type.
enum SeriesFillFunctions {
    static let forward = SeriesFunction(
        "series_fill_forward", "Fills missing values of a series with the last value before them.",
        arity: 1...2, kinds: [.dynamic, .any]
    ) { r in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        return SeriesArgument.dynamic(SeriesFill.forward(s, placeholder: placeholder(r[1])))
    }

    static let backward = SeriesFunction(
        "series_fill_backward", "Fills missing values of a series with the next value after them.",
        arity: 1...2, kinds: [.dynamic, .any]
    ) { r in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        return SeriesArgument.dynamic(SeriesFill.backward(s, placeholder: placeholder(r[1])))
    }

    static let constant = SeriesFunction(
        "series_fill_const", "Replaces missing values of a series with a constant.",
        arity: 2...3, kinds: [.dynamic, .any, .any]
    ) { r in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        return SeriesArgument.dynamic(
            SeriesFill.constant(s, value: SeriesArgument.element(r[1]), placeholder: placeholder(r[2])))
    }

    /// The placeholder argument: null (or absent) means missing elements, a number means elements equal to it.
    static func placeholder(_ v: Value) -> MissingPlaceholder {
        SeriesArgument.double(v).map(MissingPlaceholder.value) ?? .null
    }
}
