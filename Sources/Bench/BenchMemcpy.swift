#if canImport(Glibc)
    import Glibc
#endif

/// The physical limit of a transfer: one `memcpy` of the dataset's bytes, and reading them once.
///
/// Both buffers are written before timing, so page faults are not counted (a reused region is
/// resident, and the peers' buffers are too). The read sums 64-bit words so the loads cannot be
/// optimised away; the sum is checked against the pattern written.
public enum BenchMemcpy {
    public struct Result { public var copy: BenchStats; public var read: BenchStats }

    public static func measure(bytes: Int, runs: Int) throws(BenchError) -> Result {
        let words = max(bytes / 8, 1)
        let src = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        let dst = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        defer { src.deallocate(); dst.deallocate() }
        for k in 0..<words { src[k] = UInt64(k) }
        memset(dst, 0, words * 8)
        let copy = BenchStats.measure(runs: runs) { memcpy(dst, src, words * 8) }
        guard dst[words - 1] == UInt64(words - 1), dst[words / 2] == UInt64(words / 2) else {
            throw .checksum("memcpy did not copy the buffer")
        }
        var sum: UInt64 = 0
        let read = BenchStats.measure(runs: runs) { sum = readOnce(src, words) }
        let expected = UInt64(words) &* UInt64(words &- 1) / 2
        guard sum == expected else { throw .checksum("reading the buffer once summed \(sum), expected \(expected)") }
        return Result(copy: copy, read: read)
    }

    /// Sums the words with four accumulators (enough independent adds for the loads to dominate).
    @inline(never)
    public static func readOnce(_ p: UnsafePointer<UInt64>, _ n: Int) -> UInt64 {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
        var k = 0
        while k + 4 <= n {
            a &+= p[k]; b &+= p[k + 1]; c &+= p[k + 2]; d &+= p[k + 3]
            k += 4
        }
        while k < n { a &+= p[k]; k += 1 }
        return a &+ b &+ c &+ d
    }
}
