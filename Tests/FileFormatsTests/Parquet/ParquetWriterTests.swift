import Columnar
import Foundation
import Testing

@testable import FileFormats

/// Files Sandpiper writes read back, value for value, in pyarrow and DuckDB (the readers most users have)
/// and in Sandpiper's own reader, with every codec and several row groups.
@Suite struct ParquetWriterTests {
    static func sample() -> Table {
        let g = UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!
        let t: Int64 = 1_709_210_096_123_000_000  // 2024-02-29T12:34:56.123Z
        let d = Dynamic.bag(PropertyBag([("a", .long(1)), ("b", .array([.string("x"), .real(0.5), .null]))]))
        return Table([
            ("b", Column(type: .bool, values: [.bool(true), .null, .bool(false)])),
            ("i", Column(type: .int, values: [.int(-7), .null, .int(Int32.max)])),
            ("l", Column(type: .long, values: [.long(Int64.max), .null, .long(Int64.min)])),
            ("r", Column(type: .real, values: [.real(0.1 + 0.2), .null, .real(-.infinity)])),
            ("m", Column(type: .decimal, values: [.decimal(Decimal(string: "12.345")!), .null, .decimal(-1)])),
            ("t", Column(type: .datetime, values: [.datetime(t), .null, .datetime(-86_400_000_000_000)])),
            ("s", Column(type: .timespan, values: [.timespan(90_061_000_000_000), .null, .timespan(-100)])),
            ("g", Column(type: .guid, values: [.guid(g), .null, .guid(g)])),
            ("str", Column(type: .string, values: [.string("a, \"quoted\"\nline"), .null, .string("日本")])),
            ("dyn", Column(type: .dynamic, values: [.dynamic(d), .dynamic(.null), .dynamic(.long(3))])),
        ])
    }

    /// The text `read_back.py` prints for a value written from `value`.
    static func text(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .long(let v), .datetime(let v): return String(v)
        case .timespan(let v): return String(v / 100)
        case .real(let v): return v.isNaN ? "nan" : v == .infinity ? "inf" : v == -.infinity ? "-inf" : "\(v)"
        case .decimal(let d): return "\(d)"
        case .guid(let g): return g.uuidString.lowercased()
        case .string(let s): return s
        case .dynamic(let d): return d == .null ? nil : d.jsonText
        }
    }

    @Test(arguments: ["snappy", "gzip", "zstd", "none"])
    func pyarrowAndDuckDBReadWhatIsWritten(_ codec: String) throws {
        let table = Self.sample()
        let bytes = try ParquetWriter.bytes(of: table, options: .init(compression: codec, rowGroupSize: 2))
        let path = NSTemporaryDirectory() + "sandpiper-written-\(UUID().uuidString)-\(codec).parquet"
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try WrittenFiles.run(
            try WrittenFiles.venvPython(), [WrittenFiles.writers.appendingPathComponent("read_back.py").path, path])
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let read = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let reader = read["reader"] as! String
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
        // And Sandpiper's own reader gives the table back (datetimes in milliseconds, as written).
        let back = try bytes.withUnsafeBytes { try ParquetReader.read(bytes: $0, source: "written") }
        #expect(back.schema == table.schema)
        #expect(back.rows.map { $0.map { Self.text($0) } } == table.rows.map { $0.map { Self.text($0) } })
    }

    @Test func anEmptyTableIsAValidFile() throws {
        let table = Table.empty(Schema([Field("x", .long), Field("s", .string)]))
        let bytes = try ParquetWriter.bytes(of: table)
        let back = try bytes.withUnsafeBytes { try ParquetReader.read(bytes: $0, source: "empty") }
        #expect(back.schema == table.schema)
        #expect(back.rowCount == 0)
    }

    @Test func snappyRoundTrips() throws {
        var rng = SplitMix(seed: 7)
        for size in [0, 1, 3, 4, 5, 60, 61, 300, 70_000, 200_000] {
            // Runs and repeats, so the compressor finds copies, with noise between them.
            let input = (0..<size).map { i in i % 97 < 40 ? UInt8(i % 7) : UInt8(truncatingIfNeeded: rng.next()) }
            let packed = input.withUnsafeBytes { SnappyCompressor.compress($0) }
            let reader = ByteReader(UnsafeRawBufferPointer(start: nil, count: 0), base: 0, file: "snappy")
            let back = try packed.withUnsafeBytes { try Snappy.decompress($0, expected: size, reader: reader) }
            #expect(back == input, "size \(size)")
        }
    }
}
