import Columnar
import SeriesAnalysis

/// `series_fir(series, filter [, normalize [, center]])` and `series_iir(series, numerators, denominators)`.
enum SeriesFilterFunctions {
    /// A finite impulse response filter: `normalize` divides by the sum of the coefficients (the default
    /// unless a coefficient is negative, where an explicit true gives null); `center` centres the window.
    static let fir = SeriesFunction(
        "series_fir", "Applies a finite impulse response filter to a series.",
        arity: 2...4, kinds: [.dynamic, .dynamic, .bool, .bool]
    ) { r in
        guard let s = SeriesArgument.series(r[0]), let filter = SeriesArgument.doubles(r[1]) else {
            return .dynamic(.null)
        }
        guard
            let out = FIRFilter.apply(
                s, filter: filter, normalize: SeriesArgument.bool(r[2]),
                center: SeriesArgument.bool(r[3]) ?? false)
        else { return .dynamic(.null) }
        return SeriesArgument.dynamic(out)
    }

    /// An infinite impulse response filter by the page's recursion; `denominators[0]` must not be 0.
    static let iir = SeriesFunction(
        "series_iir", "Applies an infinite impulse response filter to a series.",
        arity: 3...3, kinds: [.dynamic, .dynamic, .dynamic]
    ) { (r: SeriesRow) throws(FunctionError) -> Value in
        guard let s = SeriesArgument.series(r[0]), let b = SeriesArgument.doubles(r[1]),
            let a = SeriesArgument.doubles(r[2])
        else { return .dynamic(.null) }
        return SeriesArgument.dynamic(
            try SeriesArgument.run { () throws(SeriesAnalysisError) in
                try IIRFilter.apply(s, numerators: b, denominators: a)
            })
    }
}
