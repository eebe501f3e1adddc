import Testing
@testable import KQLEngine

/// The streaming scanner gives the same records (and the same errors, at the same line and column)
/// however the text is cut into chunks.
@Suite struct CSVScannerTests {
    struct Records: CSVSink {
        var records: [[String]] = []
        var fields: [String] = []
        mutating func field(_ bytes: UnsafeRawBufferPointer, quoted: Bool, line: Int) throws(CSVError) {
            fields.append("\(line):" + String(decoding: bytes, as: UTF8.self) + (quoted ? "'" : ""))
        }
        mutating func endRecord(line: Int) throws(CSVError) { records.append(fields); fields = [] }
        func failure(_ error: CSVError) -> CSVError { error }
    }

    /// The records of `bytes` fed in chunks of the given sizes (cycled), or the error as text.
    static func scan(_ bytes: [UInt8], chunks: [Int]) -> String {
        var scanner = CSVScanner(delimiter: UInt8(ascii: ","))
        var sink = Records()
        var i = 0, k = 0
        do throws(CSVError) {
            while i < bytes.count {
                let n = min(chunks[k % chunks.count], bytes.count - i)
                let piece = Array(bytes[i..<(i + n)])
                let outcome: Result<Void, CSVError> = piece.withUnsafeBytes { b in
                    do throws(CSVError) { try scanner.feed(b, into: &sink); return .success(()) } catch {
                        return .failure(error)
                    }
                }
                try outcome.get()
                i += n; k += 1
            }
            try scanner.finish(into: &sink)
            return "\(sink.records)"
        } catch {
            return "error \(error)"
        }
    }

    @Test func chunkBoundariesChangeNothing() {
        // Pieces that matter at a boundary: CR LF, doubled quotes, a byte-order mark, multi-byte UTF-8.
        let pieces: [[UInt8]] = [
            [97], [44], [34], [10], [13], [32], [0xC3, 0xA9], [0xEF, 0xBB, 0xBF], [34, 34], [13, 10],
        ]
        var rng = SplitMix(seed: 11)
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.next(below: 14) { bytes += pieces[rng.next(below: pieces.count)] }
            let whole = Self.scan(bytes, chunks: [max(bytes.count, 1)])
            #expect(Self.scan(bytes, chunks: [1]) == whole, "\(bytes)")
            #expect(Self.scan(bytes, chunks: [2, 1, 3]) == whole, "\(bytes)")
        }
    }

    @Test func recordsLinesAndErrors() {
        #expect(
            Self.scan(Array("\u{FEFF}a,\"b\r\nc\"\r\n\r\n\"x\"\"y\"\n".utf8), chunks: [1])
                == "\([["1:a", "1:b\r\nc'"], ["4:x\"y'"]])")
        #expect(Self.scan(Array("a\n\"open\n".utf8), chunks: [3]) == "error 2:1: a quoted field is never closed")
        #expect(
            Self.scan(Array("\"a\"\rb".utf8), chunks: [1]).hasPrefix("error 1:4: unexpected text after a closing quote")
        )
    }

    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(below n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }
}
