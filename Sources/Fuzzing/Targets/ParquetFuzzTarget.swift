import Columnar
import FileFormats
import Foundation

/// The Parquet reader on a hostile file (the whole input), with small limits so that a file asking for
/// much memory is refused quickly; a file that reads is written back with the writer and read again.
struct ParquetFuzzTarget: FuzzTarget {
    let name = "parquet"
    let summary = "Parquet reader (footer, page headers, encodings, codecs, nesting) and the writer's round trip"

    static let limits = ParquetLimits(maxPageBytes: 4 << 20, maxValues: 1 << 20)

    func run(_ bytes: [UInt8]) {
        let table: Table
        do {
            table = try bytes.withUnsafeBytes {
                try ParquetReader.read(bytes: $0, source: "fuzz.parquet", limits: Self.limits)
            }
        } catch {
            _ = String(describing: error)
            return
        }
        guard
            let written = try? ParquetWriter.bytes(
                of: table, options: .init(compression: "snappy", datetimePrecision: "nanosecond"))
        else { return }
        _ = try? written.withUnsafeBytes { try ParquetReader.read(bytes: $0, source: "fuzz-written.parquet") }
    }

    func describe(_ bytes: [UInt8]) -> String {
        do {
            let t = try bytes.withUnsafeBytes {
                try ParquetReader.read(bytes: $0, source: "input", limits: Self.limits)
            }
            return "\(t.rowCount) rows: "
                + t.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ")
        } catch {
            return String(describing: error)
        }
    }

    var dictionary: [String] { ["PAR1", "\u{15}\u{00}", "\u{19}\u{1c}", "\u{16}\u{00}"] }

    /// Files the writer makes of the fuzz database's kind of tables with each codec, and the small files
    /// pyarrow wrote for the tests when they are there (`.build/sandpiper-file-fixtures`: dictionary,
    /// DELTA, BYTE_STREAM_SPLIT, INT96, nested lists).
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        let table = Table([
            ("id", Column(type: .long, values: [.long(1), .null, .long(-3)])),
            ("name", Column(strings: ["a", nil, "ccc"])),
            ("at", Column(type: .datetime, values: [.datetime(0), .datetime(1_000_000_000), .null])),
            ("ok", Column(type: .bool, values: [.bool(true), .bool(false), .null])),
            ("v", Column(type: .real, values: [.real(0.5), .null, .real(-2)])),
            ("d", Column(type: .dynamic, values: [.dynamic(.array([.long(1)])), .null, .dynamic(.string("x"))])),
            (
                "g",
                Column(
                    type: .guid,
                    values: [.null, .guid(UUID(uuid: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))), .null])
            ),
            ("m", Column(type: .decimal, values: [.decimal(Decimal(string: "1.5")!), .null, .null])),
            ("s", Column(type: .timespan, values: [.timespan(100), .null, .null])),
        ])
        var seeds: [(String, [UInt8])] = []
        for codec in ["none", "snappy", "gzip", "zstd"] {
            if let b = try? ParquetWriter.bytes(of: table, options: .init(compression: codec, rowGroupSize: 2)) {
                seeds.append(("sandpiper-\(codec).parquet", b))
            }
        }
        let fixtures = packageRoot + "/.build/sandpiper-file-fixtures/"
        for name in ["pyarrow_int96.parquet", "pyarrow_v2_encodings.parquet"] {
            if let data = FileManager.default.contents(atPath: fixtures + name) { seeds.append((name, [UInt8](data))) }
        }
        return seeds
    }
}
