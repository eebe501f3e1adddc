import Columnar
import Foundation

/// The sketch behind `dcount()`, `hll()`, `hll_merge()` and `dcount_hll()`.
///
/// ADX's accuracy levels (the *Estimation accuracy* table of the `dcount` page) fix the number of
/// one-byte registers, 2^12 … 2^18, and hence the standard error 1.04/√m: 1.6 %, 0.8 %, 0.4 %,
/// 0.28 %, 0.2 %. A sketch first keeps the 64-bit hashes themselves, so it counts exactly — the page
/// says up to 1000 values at accuracy 1 and 8000 at accuracy 2 (here also 500, 16000 and 32000 at
/// levels 0, 3, 4: a list no larger than the registers); beyond that it switches to registers and
/// estimates with Ertl's improved raw estimator ("New cardinality estimation algorithms for
/// HyperLogLog sketches", 2017), which needs no empirical bias tables and is unbiased from small to
/// huge cardinalities. Values are hashed with XXH64 (`XXHash64`).
public struct HyperLogLog: Sendable, Hashable {
    /// ADX's accuracy levels.
    public enum Accuracy: Int, Sendable, Hashable, CaseIterable {
        case fastest = 0, balanced = 1, slow = 2, slower = 3, slowest = 4

        /// log2 of the number of registers.
        public var precision: Int { [12, 14, 16, 17, 18][rawValue] }
        /// The documented standard error, in percent.
        public var documentedError: Double { [1.6, 0.8, 0.4, 0.28, 0.2][rawValue] }
        /// Up to this many distinct values are counted exactly.
        public var exactLimit: Int { [500, 1000, 8000, 16000, 32000][rawValue] }

        /// The level with `precision` registers bits.
        init?(precision: Int) {
            guard let level = Accuracy.allCases.first(where: { $0.precision == precision }) else { return nil }
            self = level
        }
    }

    /// The accuracy `hll()` and `dcount()` use when none is given.
    public static let defaultAccuracy = Accuracy.balanced

    /// The accuracy level the sketch was made with.
    public let accuracy: Accuracy
    /// The distinct hashes, while the sketch is exact.
    private var hashes: Set<UInt64>
    /// The registers, once the sketch is no longer exact (empty before).
    private var registers: [UInt8]

    /// An empty sketch.
    public init(accuracy: Accuracy = defaultAccuracy) {
        self.accuracy = accuracy
        hashes = []
        registers = []
    }

    /// An empty sketch for the KQL accuracy argument (0…4).
    public init(accuracyLevel: Int) throws(SeriesAnalysisError) {
        guard let level = Accuracy(rawValue: accuracyLevel) else {
            throw .argument("the hll/dcount accuracy must be 0, 1, 2, 3 or 4, not \(accuracyLevel)")
        }
        self.init(accuracy: level)
    }

    /// A sketch with the given registers (validated by the caller).
    init(accuracy: Accuracy, registers: [UInt8]) {
        self.accuracy = accuracy
        hashes = []
        self.registers = registers
    }

    /// The hashes of an exact sketch.
    var exactHashes: Set<UInt64> { hashes }
    /// The registers of an estimating sketch.
    var denseRegisters: [UInt8] { registers }

    /// True while the count is exact (the hashes themselves are kept).
    public var isExact: Bool { registers.isEmpty }

    /// Adds a value by its 64-bit hash.
    public mutating func add(hash: UInt64) {
        if registers.isEmpty {
            hashes.insert(hash)
            if hashes.count > accuracy.exactLimit { densify() }
        } else {
            HyperLogLog.update(&registers, precision: accuracy.precision, hash: hash)
        }
    }

    /// Adds a long.
    public mutating func add(long value: Int64) { add(hash: XXHash64.hash(long: value)) }
    /// Adds a real.
    public mutating func add(real value: Double) { add(hash: XXHash64.hash(real: value)) }
    /// Adds a string.
    public mutating func add(string value: String) { add(hash: XXHash64.hash(string: value)) }

    /// Adds every value counted by `other`.
    public mutating func merge(_ other: HyperLogLog) throws(SeriesAnalysisError) {
        guard other.accuracy == accuracy else {
            throw SeriesAnalysisError(
                .sketchMismatch,
                "cannot merge hll values of accuracy \(accuracy.rawValue) and \(other.accuracy.rawValue)",
                hint: "compute every hll() that is merged with the same accuracy")
        }
        if other.registers.isEmpty {
            for h in other.hashes { add(hash: h) }
            return
        }
        if registers.isEmpty { densify() }
        for i in 0..<registers.count where other.registers[i] > registers[i] { registers[i] = other.registers[i] }
    }

    /// The number of distinct values: exact while `isExact`, estimated after.
    public var estimate: Int64 {
        registers.isEmpty
            ? Int64(hashes.count) : Int64(HyperLogLog.estimate(registers, precision: accuracy.precision).rounded())
    }

    private mutating func densify() {
        var r = [UInt8](repeating: 0, count: 1 << accuracy.precision)
        for h in hashes { HyperLogLog.update(&r, precision: accuracy.precision, hash: h) }
        registers = r
        hashes = []
    }

    /// Register index: the top `precision` bits; value: 1 + the number of leading zeros of the rest.
    @inline(__always)
    static func update(_ registers: inout [UInt8], precision p: Int, hash: UInt64) {
        let index = Int(hash >> UInt64(64 - p))
        let rest = hash << UInt64(p)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - p) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    /// Ertl's improved raw estimator over the register histogram.
    static func estimate(_ registers: [UInt8], precision p: Int) -> Double {
        let m = Double(registers.count)
        let q = 64 - p
        var histogram = [Double](repeating: 0, count: q + 2)
        for r in registers { histogram[Int(r)] += 1 }
        var z = m * tau(1 - histogram[q + 1] / m)
        for k in stride(from: q, through: 1, by: -1) { z = 0.5 * (z + histogram[k]) }
        z += m * sigma(histogram[0] / m)
        return m * m / (2 * log(2.0)) / z
    }

    private static func sigma(_ x0: Double) -> Double {
        if x0 == 1 { return .infinity }
        var x = x0, y = 1.0, z = x0
        while true {
            x *= x
            let previous = z
            z += x * y
            y += y
            if z == previous { return z }
        }
    }

    private static func tau(_ x0: Double) -> Double {
        if x0 == 0 || x0 == 1 { return 0 }
        var x = x0, y = 1.0, z = 1 - x0
        while true {
            x = x.squareRoot()
            let previous = z
            y *= 0.5
            z -= (1 - x) * (1 - x) * y
            if z == previous { return z / 3 }
        }
    }
}
