import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Every file pyarrow and DuckDB wrote (every physical type, dictionary and DELTA encodings, pages v1 and
/// v2, nulls, nested lists/structs/maps, several row groups, snappy/zstd/gzip) reads back as the values
/// the writer was given, cell by cell.
@Suite struct ParquetReaderTests {
    static let files: [URL] = (try? WrittenFiles.parquetFiles()) ?? []

    @Test func theWritersProducedFiles() throws {
        #expect(try WrittenFiles.parquetFiles().count >= 11)
    }

    @Test(arguments: files.map(\.lastPathComponent))
    func readsAsWritten(_ name: String) throws {
        let url = WrittenFiles.folder.appendingPathComponent(name)
        let table = try ParquetReader.read(file: url.path)
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
                if !Self.matches(got, cell) {
                    mismatches.append("row \(r) column \(columns[c][0]): got \(got), expected \(cell)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    /// Whether a read value is the expected cell in `make_files.py`'s canonical form.
    static func matches(_ value: Value, _ cell: Any) -> Bool {
        if cell is NSNull { return value.isNull }
        switch value {
        case .bool(let b): return (cell as? Bool) == b
        case .int(let v): return (cell as? NSNumber)?.int64Value == Int64(v)
        case .long(let v), .datetime(let v), .timespan(let v): return (cell as? NSNumber)?.int64Value == v
        case .real(let v):
            // Reals are written as Python's repr, which round-trips exactly.
            guard let text = cell as? String else { return (cell as? NSNumber)?.doubleValue == v }
            if v.isNaN { return text == "NaN" }
            if v.isInfinite { return text == (v > 0 ? "Infinity" : "-Infinity") }
            return Double(text) == v
        case .decimal(let d): return (cell as? String).flatMap { Decimal(string: $0) } == d
        case .string(let s): return (cell as? String) == s
        case .guid(let g): return (cell as? String)?.lowercased() == g.uuidString.lowercased()
        case .dynamic(let d):
            guard let data = try? JSONSerialization.data(withJSONObject: cell, options: [.fragmentsAllowed]),
                let e = try? Dynamic.parseJSON(String(decoding: data, as: UTF8.self))
            else { return false }
            return e == d
        case .null: return false
        }
    }
}
