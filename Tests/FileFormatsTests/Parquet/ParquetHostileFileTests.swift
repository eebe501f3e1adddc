import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Damaged and hostile files (truncated anywhere, bytes overwritten, lengths and sizes that lie) give a
/// coded error naming the file and a byte position, never a crash or an allocation the file only declares.
@Suite struct ParquetHostileFileTests {
    static func sample() throws -> [UInt8] {
        let dir = try WrittenFiles.ensure()
        return try [UInt8](Data(contentsOf: dir.appendingPathComponent("pyarrow_snappy.parquet")))
    }

    /// Small limits, so a file that asks for much fails quickly either way.
    static let limits = ParquetLimits(maxPageBytes: 1 << 20, maxValues: 1 << 20)

    static func outcome(_ bytes: [UInt8]) -> FileFormatError? {
        do {
            _ = try bytes.withUnsafeBytes { b in
                try ParquetReader.read(bytes: b, source: "hostile.parquet", limits: limits)
            }
            return nil
        } catch let e as FileFormatError {
            return e
        } catch {
            Issue.record("an error that is not a FileFormatError: \(error)")
            return nil
        }
    }

    @Test func everyTruncationIsAnError() throws {
        let bytes = try Self.sample()
        var stride = 1
        if bytes.count > 4000 { stride = 7 }
        for length in Swift.stride(from: 0, to: bytes.count, by: stride) {
            let e = Self.outcome(Array(bytes[..<length]))
            #expect(e != nil, "a file cut to \(length) bytes read without an error")
            if let e { #expect(e.code == .data && e.message.hasPrefix("hostile.parquet: "), "\(e)") }
        }
    }

    /// Bytes overwritten at pseudo-random places (a fixed seed) with values that make lengths lie: the
    /// reader either reads the file or reports a coded error.
    @Test func overwrittenBytesNeverCrash() throws {
        let bytes = try Self.sample()
        var rng = SplitMix(seed: 0x5EED)
        let hostile: [UInt8] = [0x00, 0xff, 0x7f, 0x80, 0x15, 0x19, 0x1c, 0x3f]
        for _ in 0..<3000 {
            var b = bytes
            for _ in 0..<Int(rng.next() % 3 + 1) {
                let at = Int(rng.next() % UInt64(b.count))
                b[at] = hostile[Int(rng.next() % UInt64(hostile.count))]
            }
            if let e = Self.outcome(b) { #expect(e.code == .data || e.code == .outOfRange, "\(e)") }
        }
    }

    @Test func aFooterLengthPastTheFileIsAnError() throws {
        var b = try Self.sample()
        let n = b.count
        b[n - 8] = 0xff; b[n - 7] = 0xff; b[n - 6] = 0xff; b[n - 5] = 0x7f
        let e = try #require(Self.outcome(b))
        #expect(e.message.contains("byte \(n - 8): a footer of"), "\(e)")
    }

    @Test func notParquetIsAnError() {
        let e = Self.outcome(Array("id,name\n1,a\n".utf8))
        #expect(e?.message.contains("not a Parquet file") == true)
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
