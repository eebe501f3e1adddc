import Columnar
import SeriesAnalysis

/// `series_periods_detect(series, min_period, max_period, num_periods)` and
/// `series_periods_validate(series, period1 [, period2 ...])`: the periods of a series (in bins) with
/// scores in [0, 1]. Detection returns `num_periods` positions, best first, zeros where nothing more was
/// found; validation scores the given periods (0 outside [4, n/2]), at most 16 of them.
enum SeriesPeriodsFunctions {
    static let detect = SeriesMultiFunction(
        "series_periods_detect", "Finds the most significant periods of a series.", arity: 4...4,
        kinds: [.dynamic, .number, .number, .integer], columns: [Field("periods", .dynamic), Field("scores", .dynamic)]
    ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
        guard let s = SeriesArgument.series(r[0]), let lo = SeriesArgument.double(r[1]),
            let hi = SeriesArgument.double(r[2]),
            let n = SeriesArgument.long(r[3])
        else { return [.dynamic(.null), .dynamic(.null)] }
        let result = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesPeriods.detect(s, minPeriod: lo, maxPeriod: hi, count: Int(clamping: n))
        }
        return [SeriesArgument.longs(result.periods.map { Int64($0) }), SeriesArgument.reals(result.scores)]
    }

    static let validate = SeriesMultiFunction(
        "series_periods_validate", "Scores how strongly a series repeats with the given periods.",
        arity: 2...(1 + SeriesPeriods.maximumValidatedPeriods), kinds: [.dynamic, .number],
        columns: [Field("periods", .dynamic), Field("scores", .dynamic)]
    ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
        let periods = (1..<r.count).map { SeriesArgument.double(r[$0]) ?? 0 }
        guard let s = SeriesArgument.series(r[0]) else { return [SeriesArgument.reals(periods), .dynamic(.null)] }
        let scores = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesPeriods.validate(s, periods: periods)
        }
        return [SeriesArgument.reals(periods), SeriesArgument.reals(scores)]
    }

    /// `series_seasonal(series [, period])`: the per-phase median of the series for `period` bins, or for
    /// the period detected with score 0.7 when `period` is -1 or absent (zeros when none is).
    static let seasonal = SeriesFunction(
        "series_seasonal", "Seasonal component of a series (per-phase medians).",
        arity: 1...2, kinds: [.dynamic, .integer]
    ) { r in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        let p = SeriesArgument.long(r[1]) ?? -1
        return SeriesArgument.dynamic(SeasonalComponent.compute(s, period: p == -1 ? nil : Int(clamping: p)))
    }
}
