/// Every `series_*` function and the array helpers they pair with: the family the function registry includes.
/// Each function states its own summary; the examples below are what `docs/support.md` shows and what
/// `FunctionRegistryTests.examplesRun` runs.
enum SeriesFunctions {
    static let all = FunctionFamily("series", functions.map { .scalar($0, example: examples[$0.name] ?? "") })

    private static let functions: [any SummarizedFunction] =
        SeriesElementwise.arithmetic + SeriesElementwise.comparisons
        + SeriesElementwise.math + SeriesReductionFunctions.all + [
            SeriesFillFunctions.forward, SeriesFillFunctions.backward, SeriesFillFunctions.constant,
            SeriesFillFunctions.linear,
            SeriesFilterFunctions.fir, SeriesFilterFunctions.iir,
            SeriesFitLineFunctions.columns, SeriesFitLineFunctions.bag, SeriesFit2LinesFunctions.columns,
            SeriesFit2LinesFunctions.bag, SeriesFitPolyFunction.function,
            SeriesStatsFunctions.columns, SeriesStatsFunctions.bag,
            SeriesPeriodsFunctions.detect, SeriesPeriodsFunctions.validate, SeriesPeriodsFunctions.seasonal,
            SeriesDecomposeFunctions.decompose, SeriesDecomposeAnomaliesFunction.function,
            SeriesDecomposeAnomaliesFunction.forecast, SeriesOutliersFunction.function,
            SeriesFourierFunctions.fft, SeriesFourierFunctions.ifft, ArraySortFunction.asc, ArraySortFunction.desc,
        ]

    private static let examples: [String: String] = [
        "series_add": "print series_add(dynamic([1, 2, 3]), dynamic([10, 20, 30]))",
        "series_subtract": "print series_subtract(dynamic([10, 20, 30]), 1)",
        "series_multiply": "print series_multiply(dynamic([1, 2, 3]), dynamic([2, 2]))",
        "series_divide": "print series_divide(dynamic([1, 2, 3]), 2)",
        "series_pow": "print series_pow(dynamic([1, 2, 3]), 2)",
        "series_equals": "print series_equals(dynamic([1, 2, 3]), dynamic([1, 0, 3]))",
        "series_not_equals": "print series_not_equals(dynamic([1, 2, 3]), 2)",
        "series_greater": "print series_greater(dynamic([1, 2, 3]), 2)",
        "series_greater_equals": "print series_greater_equals(dynamic([1, 2, 3]), 2)",
        "series_less": "print series_less(dynamic([1, 2, 3]), 2)",
        "series_less_equals": "print series_less_equals(dynamic([1, 2, 3]), 2)",
        "series_abs": "print series_abs(dynamic([-1, 2, -3]))",
        "series_sign": "print series_sign(dynamic([-1, 0, 3]))",
        "series_ceiling": "print series_ceiling(dynamic([-1.5, 2.1]))",
        "series_floor": "print series_floor(dynamic([-1.5, 2.1]))",
        "series_exp": "print series_exp(dynamic([0, 1]))",
        "series_log": "print series_log(dynamic([1, 10]))",
        "series_sin": "print series_sin(dynamic([0, 1.5707963267948966]))",
        "series_cos": "print series_cos(dynamic([0, 3.141592653589793]))",
        "series_tan": "print series_tan(dynamic([0, 0.7853981633974483]))",
        "series_asin": "print series_asin(dynamic([0, 1]))",
        "series_acos": "print series_acos(dynamic([1, 0]))",
        "series_atan": "print series_atan(dynamic([0, 1]))",
        "series_sum": "print series_sum(dynamic([1, 2, 3]))",
        "series_product": "print series_product(dynamic([1, 2, 3]))",
        "series_magnitude": "print series_magnitude(dynamic([3, 4]))",
        "series_dot_product": "print series_dot_product(dynamic([1, 2, 3]), dynamic([4, 5, 6]))",
        "series_pearson_correlation": "print series_pearson_correlation(dynamic([1, 2, 3]), dynamic([2, 4, 7]))",
        "series_cosine_similarity": "print series_cosine_similarity(dynamic([1, 0]), dynamic([1, 1]))",
        "series_fill_forward": "print series_fill_forward(dynamic([null, 1, null, 3]))",
        "series_fill_backward": "print series_fill_backward(dynamic([null, 1, null, 3]))",
        "series_fill_const": "print series_fill_const(dynamic([1, null, 3]), 0)",
        "series_fill_linear": "print series_fill_linear(dynamic([1, null, 3]))",
        "series_fir": "print series_fir(dynamic([1, 2, 3, 4]), dynamic([1, 1]))",
        "series_iir": "print series_iir(dynamic([1, 1, 1, 1]), dynamic([1]), dynamic([1, -1]))",
        "series_fit_line": "print series_fit_line(dynamic([1, 3, 5, 7]))",
        "series_fit_line_dynamic": "print series_fit_line_dynamic(dynamic([1, 3, 5, 7]))",
        "series_fit_2lines": "print series_fit_2lines(dynamic([1, 2, 3, 4, 10, 20, 30, 40]))",
        "series_fit_2lines_dynamic": "print series_fit_2lines_dynamic(dynamic([1, 2, 3, 4, 10, 20, 30, 40]))",
        "series_fit_poly": "print series_fit_poly(dynamic([1, 4, 9, 16, 25]), dynamic([1, 2, 3, 4, 5]), 2)",
        "series_stats": "print series_stats(dynamic([1, 2, 3, 4]))",
        "series_stats_dynamic": "print series_stats_dynamic(dynamic([1, 2, 3, 4]))",
        "series_periods_detect":
            "print series_periods_detect(dynamic([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]), 0, 8, 1)",
        "series_periods_validate": "print series_periods_validate(dynamic([1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]), 2)",
        "series_seasonal": "print series_seasonal(dynamic([1, 5, 1, 5, 1, 5, 1, 5]), 2)",
        "series_decompose": "print series_decompose(dynamic([1, 5, 2, 6, 3, 7, 4, 8, 5, 9, 6, 10]), 2)",
        "series_decompose_anomalies":
            "print series_decompose_anomalies(dynamic([1, 5, 2, 6, 3, 7, 4, 8, 50, 9, 6, 10]), 1.5, 2)",
        "series_decompose_forecast":
            "print series_decompose_forecast(dynamic([1, 5, 2, 6, 3, 7, 4, 8, 5, 9, 6, 10]), 2, 2)",
        "series_outliers": "print series_outliers(dynamic([1, 2, 1, 2, 50, 1, 2, 1]))",
        "series_fft": "print series_fft(dynamic([1, 0, 0, 0]))",
        "series_ifft": "print series_ifft(dynamic([1, 1, 1, 1]))",
        "array_sort_asc": "print array_sort_asc(dynamic([3, 1, 2]))",
        "array_sort_desc": "print array_sort_desc(dynamic([3, 1, 2]))",
    ]
}
