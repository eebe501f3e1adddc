import Foundation

/// Twiddle tables and Bluestein chirps, computed once per length and shared: a query transforms
/// thousands of series of one length (make-series gives every row the same), and the sines and
/// cosines would otherwise cost more than the transforms.
final class FourierPlans: @unchecked Sendable {
    /// The cos and sin of 2πk/n for k < n/2.
    struct Twiddles: Sendable {
        let cos: [Double]
        let sin: [Double]
    }

    /// Bluestein's chirp for length n (sign by direction) and the transform of its conjugate,
    /// padded to `size`.
    struct Chirp: Sendable {
        let size: Int
        let wr: [Double], wi: [Double]
        let br: [Double], bi: [Double]
    }

    static let shared = FourierPlans()

    // Guarded by `lock`; a cache that grows past `limit` entries starts over.
    private let lock = NSLock()
    private var twiddleTables: [Int: Twiddles] = [:]
    private var chirps: [Int: Chirp] = [:]
    private let limit = 64

    func twiddles(_ n: Int) -> Twiddles {
        lock.lock()
        if let t = twiddleTables[n] { lock.unlock(); return t }
        lock.unlock()
        var c = [Double](repeating: 0, count: n / 2), s = [Double](repeating: 0, count: n / 2)
        for k in 0..<(n / 2) {
            let angle = 2 * Double.pi * Double(k) / Double(n)
            c[k] = Foundation.cos(angle); s[k] = Foundation.sin(angle)
        }
        let table = Twiddles(cos: c, sin: s)
        lock.lock()
        if twiddleTables.count >= limit { twiddleTables.removeAll() }
        twiddleTables[n] = table
        lock.unlock()
        return table
    }

    func chirp(_ n: Int, inverse: Bool) -> Chirp {
        let key = inverse ? -n : n
        lock.lock()
        if let c = chirps[key] { lock.unlock(); return c }
        lock.unlock()
        var m = 1
        while m < 2 * n - 1 { m <<= 1 }
        let sign = inverse ? 1.0 : -1.0
        // w[k] = e^(sign·πi·k²/n); k² is reduced mod 2n first so the angle stays small and exact.
        var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let k2 = (k * k) % (2 * n)
            let angle = Double.pi * Double(k2) / Double(n)
            wr[k] = Foundation.cos(angle); wi[k] = sign * Foundation.sin(angle)
        }
        var br = [Double](repeating: 0, count: m), bi = [Double](repeating: 0, count: m)
        br[0] = wr[0]; bi[0] = -wi[0]
        for k in 1..<max(1, n) {
            br[k] = wr[k]; bi[k] = -wi[k]
            br[m - k] = wr[k]; bi[m - k] = -wi[k]
        }
        FourierTransform.radix2(&br, &bi, inverse: false)
        let chirp = Chirp(size: m, wr: wr, wi: wi, br: br, bi: bi)
        lock.lock()
        if chirps.count >= limit { chirps.removeAll() }
        chirps[key] = chirp
        lock.unlock()
        return chirp
    }
}
