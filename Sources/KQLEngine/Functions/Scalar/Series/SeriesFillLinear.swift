import Columnar
import SeriesAnalysis

extension SeriesFillFunctions {
    /// `series_fill_linear(series [, placeholder [, fill_edges [, constant]]])`: linear interpolation of the
    /// placeholders between their neighbours; edges take the nearest value unless `fill_edges` is false; a
    /// series of nothing but placeholders becomes `constant` (0 by default; `double(null)` keeps the nulls).
    /// A series of longs interpolates to longs.
    static let linear = SeriesFunction(
        "series_fill_linear", "Fills missing values of a series by linear interpolation.",
        arity: 1...4, kinds: [.dynamic, .any, .bool, .any]
    ) { r in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        let fillEdges = SeriesArgument.bool(r[2]) ?? true
        // Absent, the constant is 0; given as a null, it keeps the nulls.
        let constant: NumericSeries.Element = r.given(3) ? SeriesArgument.element(r[3]) : .real(0)
        return SeriesArgument.dynamic(
            SeriesFillLinear.fill(
                s, placeholder: placeholder(r[1]), fillEdges: fillEdges,
                constant: constant))
    }
}
