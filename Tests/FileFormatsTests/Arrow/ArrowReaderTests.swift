import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Every Arrow IPC file pyarrow and DuckDB's Arrow export wrote (the file format, Feather v2 and the stream
/// format; every type that maps to KQL, nulls, dictionaries and delta dictionaries, views, nested lists,
/// structs and maps, several record batches, LZ4_FRAME and ZSTD buffers) reads back as the values the
/// writer was given, cell by cell.
@Suite struct ArrowReaderTests {
    static let files: [URL] = (try? WrittenFiles.arrowFiles()) ?? []

    @Test func theWritersProducedFiles() throws {
        let names = try WrittenFiles.arrowFiles().map(\.lastPathComponent)
        #expect(names.count >= 10)
        #expect(names.contains("ipc_pyarrow.feather") && names.contains("ipc_pyarrow_stream.arrows"))
    }

    @Test(arguments: files.map(\.lastPathComponent))
    func readsAsWritten(_ name: String) throws {
        let url = WrittenFiles.folder.appendingPathComponent(name)
        let table = try ArrowReader.read(file: url.path)
        let expectedURL = url.deletingPathExtension().appendingPathExtension("expected.json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as! [String: Any]
        let columns = expected["columns"] as! [[String]]
        #expect(table.schema.fields.map(\.name) == columns.map { $0[0] })
        #expect(table.schema.fields.map(\.type.rawValue) == columns.map { $0[1] })
        let rows = expected["rows"] as! [[Any]]
        #expect(table.rowCount == rows.count)
        guard table.schema.fields.map(\.type.rawValue) == columns.map({ $0[1] }), table.rowCount == rows.count else {
            return
        }
        var mismatches: [String] = []
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                let got = table.columns[c].value(r)
                if !ParquetReaderTests.matches(got, cell) {
                    mismatches.append("row \(r) column \(columns[c][0]): got \(got), expected \(cell)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    /// LZ4 frames decode as the format describes: literals, overlapping matches, stored blocks, two frames.
    @Test func lz4FramesDecode() throws {
        // A frame (no checksums, 64 KB blocks) holding one compressed block: "abc" then a match of
        // offset 3 and length 9 (token 0x35), then the literals "xyz" ending the block.
        let compressed: [UInt8] = [0x35] + Array("abc".utf8) + [3, 0] + [0x30] + Array("xyz".utf8)
        var frame: [UInt8] = [0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0x82]
        frame += [UInt8(compressed.count), 0, 0, 0] + compressed
        // A stored block (the high bit of its size) and the end mark.
        frame += [2, 0, 0, 0x80] + Array("!?".utf8) + [0, 0, 0, 0]
        let twice = frame + frame
        let want = Array("abcabcabcabcxyz!?".utf8)
        let out = try twice.withUnsafeBytes {
            try LZ4Frame.decompress($0, expected: want.count * 2, file: "lz4", at: 0)
        }
        #expect(out == want + want)
        #expect(throws: FileFormatError.self) {
            try frame.withUnsafeBytes { try LZ4Frame.decompress($0, expected: want.count + 1, file: "lz4", at: 0) }
        }
        var badOffset = frame
        badOffset[7 + 4 + 4] = 9  // a match reaching before the start
        #expect(throws: FileFormatError.self) {
            try badOffset.withUnsafeBytes { try LZ4Frame.decompress($0, expected: want.count, file: "lz4", at: 0) }
        }
    }
}
