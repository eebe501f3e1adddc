import Foundation

/// `series_fft` and `series_ifft`: the discrete Fourier transform of a complex series of any length.
///
/// Forward: `X[k] = Σ_t x[t]·e^(−2πi·kt/n)`; inverse: `x[t] = (1/n)·Σ_k X[k]·e^(2πi·kt/n)`, so
/// `series_ifft(series_fft(x))` gives `x` back, as the page's second example shows. Powers of two
/// use an iterative radix-2 transform; other lengths use Bluestein's chirp-z algorithm on a power
/// of two, so every length costs O(n log n).
public enum FourierTransform {
    /// The transform of `real + i·imaginary` (imaginary 0 when absent); nil when an element is missing.
    public static func forward(real: NumericSeries, imaginary: NumericSeries? = nil) throws(SeriesAnalysisError) -> (
        real: [Double], imaginary: [Double]
    )? {
        try transform(real: real, imaginary: imaginary, inverse: false)
    }

    /// The inverse transform, normalised by 1/n.
    public static func inverse(real: NumericSeries, imaginary: NumericSeries? = nil) throws(SeriesAnalysisError) -> (
        real: [Double], imaginary: [Double]
    )? {
        try transform(real: real, imaginary: imaginary, inverse: true)
    }

    private static func transform(real: NumericSeries, imaginary: NumericSeries?, inverse: Bool)
        throws(SeriesAnalysisError) -> (real: [Double], imaginary: [Double])?
    {
        if let imaginary, imaginary.count != real.count {
            throw .argument(
                "the real and imaginary series have \(real.count) and \(imaginary.count) elements",
                hint: "give both components of every element")
        }
        guard real.missingCount == 0, (imaginary?.missingCount ?? 0) == 0 else { return nil }
        var re = real.values
        var im = imaginary?.values ?? [Double](repeating: 0, count: re.count)
        dft(&re, &im, inverse: inverse)
        if inverse, !re.isEmpty {
            let scale = 1 / Double(re.count)
            for i in 0..<re.count { re[i] *= scale; im[i] *= scale }
        }
        return (re, im)
    }

    /// The unnormalised DFT in place (sign +1 in the exponent when `inverse`).
    static func dft(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        guard n > 1 else { return }
        if n & (n - 1) == 0 {
            radix2(&re, &im, inverse: inverse)
        } else {
            bluestein(&re, &im, inverse: inverse)
        }
    }

    /// Iterative radix-2 Cooley–Tukey for a power-of-two length.
    static func radix2(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        let twiddles = FourierPlans.shared.twiddles(n)
        let sign = inverse ? 1.0 : -1.0
        re.withUnsafeMutableBufferPointer { xr in
            im.withUnsafeMutableBufferPointer { xi in
                twiddles.cos.withUnsafeBufferPointer { cosTable in
                    twiddles.sin.withUnsafeBufferPointer { sinTable in
                        // Bit-reversal permutation.
                        var j = 0
                        for i in 1..<n {
                            var bit = n >> 1
                            while j & bit != 0 { j ^= bit; bit >>= 1 }
                            j |= bit
                            if i < j { xr.swapAt(i, j); xi.swapAt(i, j) }
                        }
                        // Stage 1 (size 2) has only the twiddle 1: plain sums and differences.
                        var a = 0
                        while a + 1 < n {
                            let tr = xr[a + 1], ti = xi[a + 1]
                            xr[a + 1] = xr[a] - tr; xi[a + 1] = xi[a] - ti
                            xr[a] += tr; xi[a] += ti
                            a += 2
                        }
                        var size = 4
                        while size <= n {
                            let half = size / 2, step = n / size
                            // Twiddle outermost, loaded once for every block of the stage.
                            for k in 0..<half {
                                let wr = cosTable[k * step], wi = sign * sinTable[k * step]
                                var a = k
                                while a < n {
                                    let b = a + half
                                    let tr = xr[b] * wr - xi[b] * wi
                                    let ti = xr[b] * wi + xi[b] * wr
                                    xr[b] = xr[a] - tr; xi[b] = xi[a] - ti
                                    xr[a] += tr; xi[a] += ti
                                    a += size
                                }
                            }
                            size *= 2
                        }
                    }
                }
            }
        }
    }

    /// Bluestein's algorithm: the DFT of any length as a convolution with a chirp, done by radix-2
    /// transforms of a power of two ≥ 2n − 1.
    static func bluestein(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        let plan = FourierPlans.shared.chirp(n, inverse: inverse)
        let m = plan.size
        var ar = [Double](repeating: 0, count: m), ai = [Double](repeating: 0, count: m)
        for k in 0..<n {
            ar[k] = re[k] * plan.wr[k] - im[k] * plan.wi[k]
            ai[k] = re[k] * plan.wi[k] + im[k] * plan.wr[k]
        }
        radix2(&ar, &ai, inverse: false)
        for k in 0..<m {
            let r = ar[k] * plan.br[k] - ai[k] * plan.bi[k]
            let i = ar[k] * plan.bi[k] + ai[k] * plan.br[k]
            ar[k] = r; ai[k] = i
        }
        radix2(&ar, &ai, inverse: true)
        let scale = 1 / Double(m)
        for k in 0..<n {
            let cr = ar[k] * scale, ci = ai[k] * scale
            re[k] = cr * plan.wr[k] - ci * plan.wi[k]
            im[k] = cr * plan.wi[k] + ci * plan.wr[k]
        }
    }
}
