import Columnar
import SeriesAnalysis

/// The one-line reductions of a series to a real: `series_sum`, `series_product`, `series_magnitude`
/// (missing elements are left out; an empty series gives null), `series_dot_product` (a number is broadcast;
/// the longer series is truncated) and `series_pearson_correlation` (null unless both series are complete
/// and of the same length).
enum SeriesReductionFunctions {
    static let all: [SeriesFunction] = [
        SeriesFunction("series_sum", "Sum of the elements of a series.", arity: 1...1, kinds: [.dynamic], out: .real) {
            r in
            SeriesArgument.real(SeriesArgument.series(r[0]).flatMap(SeriesReductions.sum))
        },
        SeriesFunction(
            "series_product", "Product of the elements of a series.", arity: 1...1, kinds: [.dynamic], out: .real
        ) { r in
            SeriesArgument.real(SeriesArgument.series(r[0]).flatMap(SeriesReductions.product))
        },
        SeriesFunction("series_magnitude", "Euclidean norm of a series.", arity: 1...1, kinds: [.dynamic], out: .real) {
            r in
            SeriesArgument.real(SeriesArgument.series(r[0]).flatMap(SeriesReductions.magnitude))
        },
        SeriesFunction(
            "series_dot_product", "Dot product of two series.", arity: 2...2, kinds: [.any, .any],
            out: .real
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            let a = SeriesArgument.operand(r[0]), b = SeriesArgument.operand(r[1])
            if case .scalar = a, case .scalar = b { return .null }
            return SeriesArgument.real(
                try SeriesArgument.run { () throws(SeriesAnalysisError) in try SeriesReductions.dotProduct(a, b) })
        },
        SeriesFunction(
            "series_pearson_correlation", "Pearson correlation coefficient of two series.", arity: 2...2,
            kinds: [.dynamic, .dynamic], out: .real
        ) { r in
            guard let a = SeriesArgument.series(r[0]), let b = SeriesArgument.series(r[1]) else { return .null }
            return SeriesArgument.real(SeriesReductions.pearsonCorrelation(a, b))
        },
        SeriesFunction(
            "series_cosine_similarity", "Cosine similarity of two series.", arity: 2...4,
            kinds: [.dynamic, .dynamic, .number, .number], out: .real
        ) { r in
            guard let a = SeriesArgument.series(r[0]), let b = SeriesArgument.series(r[1]) else { return .null }
            return SeriesArgument.real(
                SeriesReductions.cosineSimilarity(
                    a, b, magnitudeA: SeriesArgument.double(r[2]),
                    magnitudeB: SeriesArgument.double(r[3])))
        },
    ]
}
