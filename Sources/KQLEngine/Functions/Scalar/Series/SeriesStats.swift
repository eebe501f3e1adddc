import Columnar
import SeriesAnalysis

/// `series_stats(series [, ignore_nonfinite])` (seven columns) and `series_stats_dynamic(...)` (a bag that
/// adds `sum` and `len`): minimum and maximum with their first positions, average, sample standard
/// deviation and variance. With `ignore_nonfinite` false (the default) a null, NaN or infinity makes
/// the statistics null.
enum SeriesStatsFunctions {
    static let columns = SeriesMultiFunction(
        "series_stats", "Summary statistics of a series, as seven columns.", arity: 1...2, kinds: [.dynamic, .bool],
        columns: zip(
            ["min", "min_idx", "max", "max_idx", "avg", "stdev", "variance"],
            [ScalarType.real, .long, .real, .long, .real, .real, .real]
        ).map { Field($0.0, $0.1) }
    ) { r in
        guard let s = stats(r) else { return [Value](repeating: .null, count: 7) }
        return [
            SeriesArgument.real(s.min), long(s.minIndex), SeriesArgument.real(s.max), long(s.maxIndex),
            SeriesArgument.real(s.avg), SeriesArgument.real(s.stdev), SeriesArgument.real(s.variance),
        ]
    }

    static let bag = SeriesFunction(
        "series_stats_dynamic", "Summary statistics of a series, as a property bag.",
        arity: 1...2, kinds: [.dynamic, .bool]
    ) { r in
        guard let s = stats(r) else { return .dynamic(.null) }
        let values: [Value] = [
            SeriesArgument.real(s.min), long(s.minIndex), SeriesArgument.real(s.max), long(s.maxIndex),
            SeriesArgument.real(s.avg), SeriesArgument.real(s.stdev), SeriesArgument.real(s.variance),
            SeriesArgument.real(s.sum), long(s.count),
        ]
        let keys = ["min", "min_idx", "max", "max_idx", "avg", "stdev", "variance", "sum", "len"]
        return .dynamic(.bag(PropertyBag(Array(zip(keys, values.map(\.asDynamic))))))
    }

    private static func stats(_ r: SeriesRow) -> SeriesStatistics? {
        guard let s = SeriesArgument.series(r[0]) else { return nil }
        return SeriesStatistics(s, ignoreNonFinite: SeriesArgument.bool(r[1]) ?? false)
    }

    private static func long(_ x: Int?) -> Value { x.map { .long(Int64($0)) } ?? .null }
}
