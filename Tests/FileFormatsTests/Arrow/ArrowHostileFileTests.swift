import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Damaged and hostile Arrow files (truncated anywhere, bytes overwritten, lengths that lie) give a coded
/// error naming the file, never a crash or an allocation the file only declares; unsupported types and
/// Feather v1 are refused by name.
@Suite struct ArrowHostileFileTests {
    static func sample(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: try WrittenFiles.ensure().appendingPathComponent(name)))
    }

    static let limits = ArrowLimits(maxBufferBytes: 1 << 20, maxValues: 1 << 20, maxRows: 1 << 20)

    static func outcome(_ bytes: [UInt8]) -> FileFormatError? {
        do {
            _ = try bytes.withUnsafeBytes { try ArrowReader.read(bytes: $0, source: "hostile.arrow", limits: limits) }
            return nil
        } catch let e as FileFormatError {
            return e
        } catch {
            Issue.record("an error that is not a FileFormatError: \(error)")
            return nil
        }
    }

    @Test(arguments: ["ipc_pyarrow_lz4.arrow", "ipc_pyarrow_dictionary.arrow"])
    func everyTruncationIsAnError(_ name: String) throws {
        let bytes = try Self.sample(name)
        for length in stride(from: 0, to: bytes.count, by: bytes.count > 4000 ? 13 : 1) {
            let e = Self.outcome(Array(bytes[..<length]))
            #expect(e != nil, "a file cut to \(length) bytes read without an error")
            if let e { #expect(e.message.hasPrefix("hostile.arrow: "), "\(e)") }
        }
    }

    /// A cut stream (no footer to check against) either ends at a message boundary or is an error.
    @Test func aTruncatedStreamNeverTraps() throws {
        let bytes = try Self.sample("ipc_pyarrow_stream.arrows")
        for length in stride(from: 0, to: bytes.count, by: 11) {
            if let e = Self.outcome(Array(bytes[..<length])) { #expect(e.message.hasPrefix("hostile.arrow: "), "\(e)") }
        }
    }

    @Test(arguments: ["ipc_pyarrow_zstd.arrow", "ipc_pyarrow_more_types.arrow", "ipc_pyarrow_delta.arrows"])
    func overwrittenBytesNeverTrap(_ name: String) throws {
        let bytes = try Self.sample(name)
        var rng = SplitMix(seed: 11)
        for _ in 0..<600 {
            var damaged = bytes
            for _ in 0..<1 + Int(rng.next() % 4) {
                let at = Int(rng.next() % UInt64(damaged.count))
                damaged[at] = [0, 0xFF, 0x7F, 0x80, UInt8(truncatingIfNeeded: rng.next())][Int(rng.next() % 5)]
            }
            if let e = Self.outcome(damaged) { #expect(!e.message.isEmpty) }
        }
    }

    @Test func featherVersionOneIsRefusedByName() {
        let e = Self.outcome(Array("FEA1".utf8) + [UInt8](repeating: 0, count: 40))
        #expect(e?.code == .unsupported && e?.message.contains("Feather version 1") == true)
    }

    @Test func notArrowAtAllIsAnError() {
        let e = Self.outcome(Array("a,b\n1,2\n".utf8))
        #expect(e?.code == .data && e?.message.hasPrefix("hostile.arrow: ") == true)
    }
}
