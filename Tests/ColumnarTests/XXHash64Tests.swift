import Testing
import Columnar

/// XXH64 against the reference values of the xxHash specification and ADX's `hll()` output.
@Suite struct XXHash64Tests {
    @Test func referenceValues() {
        #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    }

    /// The `hll()` page lists 3803688792395291579 for a bin whose DamageProperty is 0.
    @Test func adxHashOfTheLongZero() {
        #expect(Int64(bitPattern: XXHash64.hash(long: 0)) == 3_803_688_792_395_291_579)
    }

    @Test func longInputsCoverEveryTail() {
        // 32-byte stripes, then 8-, 4- and 1-byte tails: lengths 0…70 all hash differently.
        let bytes = (0..<70).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let hashes = Set((0...70).map { XXHash64.hash(Array(bytes.prefix($0))) })
        #expect(hashes.count == 71)
        #expect(XXHash64.hash(real: 0.0) == XXHash64.hash(real: -0.0))
    }
}
