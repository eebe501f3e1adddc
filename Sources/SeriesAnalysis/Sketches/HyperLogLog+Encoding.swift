/// The `hll()` value a `dynamic` holds, in ADX's layout: `[[1024, precision], [hashes…], [registers]]`.
///
/// The page's examples show the first two parts — a header with the register bits (14 at the default
/// accuracy) and, while the sketch is exact, its hashes as signed 64-bit decimals in strings. The
/// pages do not show the third part; here it is empty while exact and otherwise holds the 2^p
/// register bytes, which the wrapper stores as one base64 string.
extension HyperLogLog {
    /// The parts of a serialised sketch.
    public struct Encoded: Sendable, Hashable {
        /// The header's first number, 1024 in ADX's values.
        public var format: Int64
        /// log2 of the register count (12, 14, 16, 17 or 18).
        public var precision: Int
        /// The hashes of an exact sketch, as signed 64-bit numbers.
        public var hashes: [Int64]
        /// The registers of an estimating sketch; nil while exact.
        public var registers: [UInt8]?

        /// The parts as read from a dynamic value.
        public init(format: Int64 = HyperLogLog.formatTag, precision: Int, hashes: [Int64], registers: [UInt8]?) {
            self.format = format; self.precision = precision; self.hashes = hashes; self.registers = registers
        }
    }

    /// The header tag ADX writes before the precision.
    public static let formatTag: Int64 = 1024

    /// The sketch's parts; hashes in ascending order so equal sketches encode equally.
    public var encoded: Encoded {
        if isExact {
            return Encoded(
                precision: accuracy.precision,
                hashes: exactHashes.sorted().map { Int64(bitPattern: $0) }, registers: nil)
        }
        return Encoded(precision: accuracy.precision, hashes: [], registers: denseRegisters)
    }

    /// A sketch read back from its parts; a value that is not one is `E_SKETCH_FORMAT`.
    public init(decoding value: Encoded) throws(SeriesAnalysisError) {
        guard value.format == HyperLogLog.formatTag else {
            throw .sketchFormat("hll", "its header starts with \(value.format), not \(HyperLogLog.formatTag)")
        }
        guard let accuracy = Accuracy(precision: value.precision) else {
            throw .sketchFormat("hll", "its precision \(value.precision) is none of 12, 14, 16, 17, 18")
        }
        self.init(accuracy: accuracy)
        if let registers = value.registers {
            guard registers.count == 1 << value.precision else {
                throw .sketchFormat("hll", "it has \(registers.count) registers, not \(1 << value.precision)")
            }
            let limit = UInt8(64 - value.precision + 1)
            guard registers.allSatisfy({ $0 <= limit }) else {
                throw .sketchFormat("hll", "a register exceeds \(limit)")
            }
            guard value.hashes.isEmpty else {
                throw .sketchFormat("hll", "it has both hashes and registers")
            }
            self.init(accuracy: accuracy, registers: registers)
        } else {
            for h in value.hashes { add(hash: UInt64(bitPattern: h)) }
        }
    }
}
