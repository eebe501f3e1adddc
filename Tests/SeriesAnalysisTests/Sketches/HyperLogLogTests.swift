import Testing
import SeriesAnalysis

/// The HyperLogLog behind `dcount`/`hll`: exact small counts, merges, encoding, and the documented
/// error at each accuracy level measured over many random sets.
@Suite struct HyperLogLogTests {
    /// `hll_merge` page: hll of 1…10 merged with hll of 11…20 counts 20.
    @Test func mergeFromThePage() throws {
        var x = HyperLogLog(), y = HyperLogLog()
        for v in Int64(1)...10 { x.add(long: v); y.add(long: v + 10) }
        try x.merge(y)
        #expect(x.estimate == 20)
    }

    /// The accuracy table: register bits and documented errors, and exact counts up to 1000 values
    /// at accuracy 1 and 8000 at accuracy 2.
    @Test func exactUpToTheDocumentedLimits() throws {
        #expect(HyperLogLog.Accuracy.allCases.map(\.precision) == [12, 14, 16, 17, 18])
        for (level, limit) in [(1, 1000), (2, 8000)] {
            var h = try HyperLogLog(accuracyLevel: level)
            for v in 0..<Int64(limit) { h.add(long: v * 7919) }
            for v in 0..<Int64(limit) { h.add(long: v * 7919) }
            #expect(h.isExact && h.estimate == Int64(limit))
            h.add(long: -1)
            #expect(!h.isExact)
        }
        #expect(throws: SeriesAnalysisError.self) { try HyperLogLog(accuracyLevel: 5) }
    }

    @Test func mergeRequiresTheSameAccuracy() throws {
        var a = HyperLogLog(accuracy: .fastest)
        #expect(throws: SeriesAnalysisError.self) { try a.merge(HyperLogLog(accuracy: .slow)) }
    }

    /// Merging two estimating sketches gives exactly the sketch of the union.
    @Test func mergeEqualsUnion() throws {
        var a = HyperLogLog(), b = HyperLogLog(), both = HyperLogLog()
        var rng = SplitMix64(seed: 3)
        for i in 0..<30_000 {
            let h = rng.next()
            if i % 3 == 0 { a.add(hash: h) } else { b.add(hash: h) }
            both.add(hash: h)
        }
        try a.merge(b)
        #expect(a == both)
    }

    @Test func encodingRoundTrips() throws {
        var exact = HyperLogLog()
        for v in Int64(0)..<5 { exact.add(long: v) }
        let e = exact.encoded
        #expect(e.format == 1024 && e.precision == 14 && e.hashes.count == 5 && e.registers == nil)
        #expect(try HyperLogLog(decoding: e) == exact)
        var dense = HyperLogLog(accuracy: .fastest)
        var rng = SplitMix64(seed: 4)
        for _ in 0..<5000 { dense.add(hash: rng.next()) }
        #expect(try HyperLogLog(decoding: dense.encoded) == dense)
        #expect(throws: SeriesAnalysisError.self) {
            try HyperLogLog(decoding: .init(precision: 13, hashes: [], registers: nil))
        }
        #expect(throws: SeriesAnalysisError.self) {
            try HyperLogLog(decoding: .init(precision: 12, hashes: [], registers: [1]))
        }
        #expect(throws: SeriesAnalysisError.self) {
            try HyperLogLog(decoding: .init(precision: 12, hashes: [], registers: [UInt8](repeating: 60, count: 4096)))
        }
    }

    /// The documented error is a standard deviation (σ): over many random sets the root-mean-square
    /// relative error must stay within 1.15·σ and no set may miss by more than 4σ.
    @Test(arguments: [(0, 200, 40_000), (1, 100, 60_000), (2, 60, 150_000), (3, 30, 250_000), (4, 24, 400_000)])
    func documentedErrorBound(level: Int, trials: Int, cardinality: Int) throws {
        var rng = SplitMix64(seed: UInt64(100 + level))
        let accuracy = try #require(HyperLogLog.Accuracy(rawValue: level))
        let sigma = accuracy.documentedError / 100
        var squares = 0.0
        var worst = 0.0
        for _ in 0..<trials {
            var h = HyperLogLog(accuracy: accuracy)
            for _ in 0..<cardinality { h.add(hash: rng.next()) }
            let error = Double(h.estimate) / Double(cardinality) - 1
            squares += error * error
            worst = max(worst, abs(error))
        }
        let rms = (squares / Double(trials)).squareRoot()
        #expect(rms <= 1.15 * sigma, "level \(level): rms \(rms) vs σ \(sigma)")
        #expect(worst <= 4 * sigma, "level \(level): worst \(worst) vs σ \(sigma)")
    }

    /// Just past the exact limit (registers mostly empty) the estimate is better than σ, not worse.
    @Test(arguments: [(0, 600), (0, 2_000), (1, 1_200), (1, 5_000), (2, 9_000)])
    func justPastTheExactLimit(level: Int, cardinality: Int) throws {
        var rng = SplitMix64(seed: UInt64(200 + cardinality))
        let accuracy = try #require(HyperLogLog.Accuracy(rawValue: level))
        var squares = 0.0
        for _ in 0..<40 {
            var h = HyperLogLog(accuracy: accuracy)
            for _ in 0..<cardinality { h.add(hash: rng.next()) }
            #expect(!h.isExact)
            let error = Double(h.estimate) / Double(cardinality) - 1
            squares += error * error
        }
        #expect((squares / 40).squareRoot() <= accuracy.documentedError / 100)
    }

    /// The same bound holds with the real hash of consecutive longs (not random hashes).
    @Test func consecutiveLongs() {
        var h = HyperLogLog()
        for v in Int64(0)..<200_000 { h.add(long: v) }
        #expect(abs(Double(h.estimate) / 200_000 - 1) <= 3 * 0.008)
    }
}
