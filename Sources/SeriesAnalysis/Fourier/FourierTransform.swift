import Foundation

/// `series_fft` and `series_ifft`: the discrete Fourier transform of a complex series of any length.
///
/// Forward: `X[k] = Σ_t x[t]·e^(−2πi·kt/n)`; inverse: `x[t] = (1/n)·Σ_k X[k]·e^(2πi·kt/n)`, so
/// `series_ifft(series_fft(x))` gives `x` back, as the page's second example shows. Powers of two
/// use an iterative radix-2 transform; other lengths use Bluestein's chirp-z algorithm on a power
/// of two, so every length costs O(n log n).
public enum FourierTransform {
    /// The transform of `real + i·imaginary` (imaginary 0 when absent); nil when an element is missing.
    public static func forward(real: NumericSeries, imaginary: NumericSeries? = nil) throws(SeriesAnalysisError) -> (real: [Double], imaginary: [Double])? {
        try transform(real: real, imaginary: imaginary, inverse: false)
    }

    /// The inverse transform, normalised by 1/n.
    public static func inverse(real: NumericSeries, imaginary: NumericSeries? = nil) throws(SeriesAnalysisError) -> (real: [Double], imaginary: [Double])? {
        try transform(real: real, imaginary: imaginary, inverse: true)
    }

    private static func transform(real: NumericSeries, imaginary: NumericSeries?, inverse: Bool) throws(SeriesAnalysisError) -> (real: [Double], imaginary: [Double])? {
        if let imaginary, imaginary.count != real.count {
            throw .argument("the real and imaginary series have \(real.count) and \(imaginary.count) elements",
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
        let sign = inverse ? 1.0 : -1.0
        // Twiddles e^(sign·2πi·k/n) for k < n/2, computed directly (no recurrence error build-up).
        var cosTable = [Double](repeating: 0, count: n / 2)
        var sinTable = [Double](repeating: 0, count: n / 2)
        for k in 0..<(n / 2) {
            let angle = 2 * Double.pi * Double(k) / Double(n)
            cosTable[k] = cos(angle)
            sinTable[k] = sign * sin(angle)
        }
        re.withUnsafeMutableBufferPointer { xr in
            im.withUnsafeMutableBufferPointer { xi in
                // Bit-reversal permutation.
                var j = 0
                for i in 1..<n {
                    var bit = n >> 1
                    while j & bit != 0 { j ^= bit; bit >>= 1 }
                    j |= bit
                    if i < j { xr.swapAt(i, j); xi.swapAt(i, j) }
                }
                var size = 2
                while size <= n {
                    let half = size / 2, step = n / size
                    var start = 0
                    while start < n {
                        for k in 0..<half {
                            let wr = cosTable[k * step], wi = sinTable[k * step]
                            let a = start + k, b = a + half
                            let tr = xr[b] * wr - xi[b] * wi
                            let ti = xr[b] * wi + xi[b] * wr
                            xr[b] = xr[a] - tr; xi[b] = xi[a] - ti
                            xr[a] += tr; xi[a] += ti
                        }
                        start += size
                    }
                    size *= 2
                }
            }
        }
    }

    /// Bluestein's algorithm: the DFT of any length as a convolution with a chirp, done by radix-2
    /// transforms of a power of two ≥ 2n − 1.
    static func bluestein(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        var m = 1
        while m < 2 * n - 1 { m <<= 1 }
        let sign = inverse ? 1.0 : -1.0
        // Chirp w[k] = e^(sign·πi·k²/n); k² is reduced mod 2n first so the angle stays small and exact.
        var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let k2 = (k * k) % (2 * n)
            let angle = Double.pi * Double(k2) / Double(n)
            wr[k] = cos(angle); wi[k] = sign * sin(angle)
        }
        var ar = [Double](repeating: 0, count: m), ai = [Double](repeating: 0, count: m)
        for k in 0..<n {
            ar[k] = re[k] * wr[k] - im[k] * wi[k]
            ai[k] = re[k] * wi[k] + im[k] * wr[k]
        }
        var br = [Double](repeating: 0, count: m), bi = [Double](repeating: 0, count: m)
        br[0] = wr[0]; bi[0] = -wi[0]
        for k in 1..<n {
            br[k] = wr[k]; bi[k] = -wi[k]
            br[m - k] = wr[k]; bi[m - k] = -wi[k]
        }
        radix2(&ar, &ai, inverse: false)
        radix2(&br, &bi, inverse: false)
        for k in 0..<m {
            let r = ar[k] * br[k] - ai[k] * bi[k]
            let i = ar[k] * bi[k] + ai[k] * br[k]
            ar[k] = r; ai[k] = i
        }
        radix2(&ar, &ai, inverse: true)
        let scale = 1 / Double(m)
        for k in 0..<n {
            let cr = ar[k] * scale, ci = ai[k] * scale
            re[k] = cr * wr[k] - ci * wi[k]
            im[k] = cr * wi[k] + ci * wr[k]
        }
    }
}
