/// Every `series_*` function and the array helpers they pair with, the list the function registry includes.
enum SeriesFunctions {
    static let all: [any ScalarFunction] = SeriesElementwise.arithmetic + SeriesElementwise.comparisons + SeriesElementwise.math
        + SeriesReductionFunctions.all + [
            SeriesFillFunctions.forward, SeriesFillFunctions.backward, SeriesFillFunctions.constant, SeriesFillFunctions.linear,
            SeriesFilterFunctions.fir, SeriesFilterFunctions.iir,
            SeriesFitLineFunctions.columns, SeriesFitLineFunctions.bag, SeriesFit2LinesFunctions.columns,
            SeriesFit2LinesFunctions.bag, SeriesFitPolyFunction.function,
            SeriesStatsFunctions.columns, SeriesStatsFunctions.bag,
            SeriesPeriodsFunctions.detect, SeriesPeriodsFunctions.validate, SeriesPeriodsFunctions.seasonal,
            SeriesDecomposeFunctions.decompose, SeriesDecomposeAnomaliesFunction.function,
            SeriesDecomposeAnomaliesFunction.forecast, SeriesOutliersFunction.function,
            SeriesFourierFunctions.fft, SeriesFourierFunctions.ifft, ArraySortFunction.asc, ArraySortFunction.desc,
        ]
}
