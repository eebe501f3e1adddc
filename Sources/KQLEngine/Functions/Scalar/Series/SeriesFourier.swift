import Columnar
import SeriesAnalysis

/// `series_fft(x_real [, x_imaginary])` and `series_ifft(fft_real [, fft_imaginary])`: the discrete Fourier
/// transform and its inverse (which divides by n), as two columns, real and imaginary parts.
enum SeriesFourierFunctions {
    static let fft = transform("series_fft", "Fast Fourier transform of a (complex) series.", inverse: false)
    static let ifft = transform("series_ifft", "Inverse fast Fourier transform of a (complex) series.", inverse: true)

    private static func transform(_ name: String, _ summary: String, inverse: Bool) -> SeriesMultiFunction {
        SeriesMultiFunction(
            name, summary, arity: 1...2, kinds: [.dynamic, .dynamic],
            columns: [Field("real", .dynamic), Field("imag", .dynamic)]
        ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
            guard let re = SeriesArgument.series(r[0]) else { return [.dynamic(.null), .dynamic(.null)] }
            let im = SeriesArgument.series(r[1])
            let out = try SeriesArgument.run { () throws(SeriesAnalysisError) in
                inverse
                    ? try FourierTransform.inverse(real: re, imaginary: im)
                    : try FourierTransform.forward(real: re, imaginary: im)
            }
            guard let out else { return [.dynamic(.null), .dynamic(.null)] }
            return [SeriesArgument.reals(out.real), SeriesArgument.reals(out.imaginary)]
        }
    }
}
