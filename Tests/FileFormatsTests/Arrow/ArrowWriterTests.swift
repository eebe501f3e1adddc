import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Files Sandpiper writes read back, value for value, in pyarrow (and DuckDB scanning what pyarrow read)
/// and in Sandpiper's own reader, plain and ZSTD-compressed, in several record batches.
@Suite struct ArrowWriterTests {
    /// The Parquet writer test's table, with timespans in whole microseconds (DuckDB's interval unit).
    static func sample() -> Table {
        var table = ParquetWriterTests.sample()
        let s = table.schema.fields.firstIndex { $0.name == "s" }!
        table.columns[s] = Column(type: .timespan, values: [.timespan(90_061_000_000_000), .null, .timespan(-100_000)])
        return table
    }

    /// The text `read_back.py` prints for a value written from `value` (timespans as nanoseconds).
    static func text(_ value: Value) -> String? {
        if case .timespan(let v) = value { return String(v) }
        return ParquetWriterTests.text(value)
    }

    @Test(arguments: ["none", "zstd"])
    func pyarrowAndDuckDBReadWhatIsWritten(_ codec: String) throws {
        let table = Self.sample()
        let bytes = try ArrowWriter.bytes(of: table, options: .init(compression: codec, batchRows: 2))
        let path = NSTemporaryDirectory() + "sandpiper-written-\(UUID().uuidString)-\(codec).arrow"
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try WrittenFiles.run(
            try WrittenFiles.venvPython(), [WrittenFiles.writers.appendingPathComponent("read_back.py").path, path])
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let read = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let reader = read["reader"] as! String
            let types = (read["columns"] as! [[String]]).map { $0[1] }
            if reader == "pyarrow" {
                #expect(
                    types == [
                        "bool", "int32", "int64", "double", "decimal128(38, 18)", "timestamp[ns, tz=UTC]",
                        "duration[ns]", "extension<arrow.uuid>", "string", "extension<arrow.json>",
                    ])
            }
            let rows = read["rows"] as! [[Any]]
            #expect(rows.count == table.rowCount, "\(reader)")
            for (r, row) in rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    let want = Self.text(table.columns[c].value(r))
                    let got = cell as? String
                    if table.schema.fields[c].type == .dynamic, let want, let got {
                        #expect(try Dynamic.parseJSON(got) == Dynamic.parseJSON(want), "\(reader) row \(r) column \(c)")
                    } else if table.schema.fields[c].type == .decimal, let want, let got {
                        #expect(Decimal(string: got) == Decimal(string: want), "\(reader) row \(r) column \(c)")
                    } else {
                        #expect(got == want, "\(reader) row \(r) column \(c): \(cell)")
                    }
                }
            }
        }
        // Sandpiper's own reader gives the table back exactly.
        let back = try bytes.withUnsafeBytes { try ArrowReader.read(bytes: $0, source: "written") }
        #expect(back.schema == table.schema)
        #expect(back.rows == table.rows)
    }

    @Test func anEmptyTableIsAValidFile() throws {
        let table = Table.empty(Schema([Field("x", .long), Field("s", .string)]))
        let bytes = try ArrowWriter.bytes(of: table)
        let back = try bytes.withUnsafeBytes { try ArrowReader.read(bytes: $0, source: "empty") }
        #expect(back.schema == table.schema)
        #expect(back.rowCount == 0)
    }

    @Test func anUnknownCodecIsAnArgumentError() {
        #expect {
            try ArrowWriter.bytes(of: Self.sample(), options: .init(compression: "brotli"))
        } throws: { ($0 as? FileFormatError)?.code == .argument }
    }
}
