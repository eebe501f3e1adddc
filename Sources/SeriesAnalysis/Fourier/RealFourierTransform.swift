import Foundation

/// Transforms of real sequences at half the cost of complex ones: the even and odd samples are
/// packed as one complex sequence of half the length, transformed, and separated again. Used by the
/// period search, which transforms thousands of real series.
enum RealFourierTransform {
    /// X[k] for k = 0…n/2 of a real sequence (the rest is the conjugate mirror).
    static func spectrum(_ x: [Double]) -> (re: [Double], im: [Double]) {
        let n = x.count
        guard n >= 4, n % 2 == 0 else {
            var re = x, im = [Double](repeating: 0, count: n)
            FourierTransform.dft(&re, &im, inverse: false)
            return (Array(re.prefix(n / 2 + 1)), Array(im.prefix(n / 2 + 1)))
        }
        let h = n / 2
        var zr = [Double](unsafeUninitializedCapacity: h) { b, count in
            for j in 0..<h { b[j] = x[2 * j] }
            count = h
        }
        var zi = [Double](unsafeUninitializedCapacity: h) { b, count in
            for j in 0..<h { b[j] = x[2 * j + 1] }
            count = h
        }
        FourierTransform.dft(&zr, &zi, inverse: false)
        let twiddles = FourierPlans.shared.twiddles(n)
        var re = [Double](repeating: 0, count: h + 1), im = [Double](repeating: 0, count: h + 1)
        for k in 0...h {
            // E = (Z[k] + conj Z[h−k]) / 2, O = (Z[k] − conj Z[h−k]) / 2i, X = E + e^(−2πik/n)·O,
            // with Z[h] = Z[0].
            let a = k == h ? 0 : k, b = k == 0 ? 0 : h - k
            let er = (zr[a] + zr[b]) / 2, ei = (zi[a] - zi[b]) / 2
            let or = (zi[a] + zi[b]) / 2, oi = -(zr[a] - zr[b]) / 2
            let c = k == h ? -1 : twiddles.cos[k], s = k == h ? 0 : -twiddles.sin[k]
            re[k] = er + c * or - s * oi
            im[k] = ei + c * oi + s * or
        }
        return (re, im)
    }

    /// The real sequence of length n (a power of two ≥ 4) whose DFT is the real, even spectrum
    /// `p[0…n/2]` (p[n−k] = p[k]), normalised by 1/n.
    static func inverseOfEvenSpectrum(_ p: [Double], length n: Int) -> [Double] {
        let h = n / 2
        var zr = [Double](repeating: 0, count: h), zi = [Double](repeating: 0, count: h)
        let twiddles = FourierPlans.shared.twiddles(n)
        for k in 0..<h {
            // E = (Y[k] + Y[k+h]) / 2, O = (Y[k] − Y[k+h]) / 2 · e^(2πik/n), Z = E + i·O; Y[k+h] = p[h−k].
            let e = (p[k] + p[h - k]) / 2
            let d = (p[k] - p[h - k]) / 2
            let c = twiddles.cos[k], s = twiddles.sin[k]
            let or = d * c, oi = d * s
            zr[k] = e - oi
            zi[k] = or
        }
        FourierTransform.dft(&zr, &zi, inverse: true)
        let scale = 1 / Double(h)
        var y = [Double](repeating: 0, count: n)
        for j in 0..<h { y[2 * j] = zr[j] * scale; y[2 * j + 1] = zi[j] * scale }
        return y
    }
}
