import Columnar
import FileFormats
import Foundation

/// The Arrow IPC reader on a hostile file or stream (the whole input), with small limits so that a file
/// asking for much memory is refused quickly; a file that reads is written back with the writer and read again.
struct ArrowFuzzTarget: FuzzTarget {
    let name = "arrow"
    let summary =
        "Arrow IPC reader (flatbuffer metadata, batches, dictionaries, LZ4/zstd buffers) and the writer's round trip"

    static let limits = ArrowLimits(maxBufferBytes: 4 << 20, maxValues: 1 << 20, maxRows: 1 << 20)

    func run(_ bytes: [UInt8]) {
        let table: Table
        do {
            table = try bytes.withUnsafeBytes {
                try ArrowReader.read(bytes: $0, source: "fuzz.arrow", limits: Self.limits)
            }
        } catch {
            _ = String(describing: error)
            return
        }
        guard let written = try? ArrowWriter.bytes(of: table, options: .init(compression: "zstd", batchRows: 2))
        else { return }
        _ = try? written.withUnsafeBytes { try ArrowReader.read(bytes: $0, source: "fuzz-written.arrow") }
    }

    func describe(_ bytes: [UInt8]) -> String {
        do {
            let t = try bytes.withUnsafeBytes { try ArrowReader.read(bytes: $0, source: "input", limits: Self.limits) }
            return "\(t.rowCount) rows: "
                + t.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ")
        } catch {
            return String(describing: error)
        }
    }

    var dictionary: [String] {
        ["ARROW1", "\u{FF}\u{FF}\u{FF}\u{FF}", "\u{04}\u{22}\u{4D}\u{18}", "\u{28}\u{B5}\u{2F}\u{FD}"]
    }

    /// Files the writer makes of the fuzz database's kind of tables, plain and compressed, and the files
    /// pyarrow wrote for the tests when they are there (`.build/sandpiper-file-fixtures`: dictionaries,
    /// LZ4, nested lists, structs and maps, the stream format).
    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] {
        let table = Table([
            ("id", Column(type: .long, values: [.long(1), .null, .long(-3)])),
            ("name", Column(strings: ["a", nil, "ccc"])),
            ("at", Column(type: .datetime, values: [.datetime(0), .datetime(1_000_000_000), .null])),
            ("ok", Column(type: .bool, values: [.bool(true), .bool(false), .null])),
            ("v", Column(type: .real, values: [.real(0.5), .null, .real(-2)])),
            ("d", Column(type: .dynamic, values: [.dynamic(.array([.long(1)])), .null, .dynamic(.string("x"))])),
            ("m", Column(type: .decimal, values: [.decimal(Decimal(string: "1.5")!), .null, .null])),
            ("s", Column(type: .timespan, values: [.timespan(100), .null, .null])),
        ])
        var seeds: [(String, [UInt8])] = []
        for codec in ["none", "zstd"] {
            if let b = try? ArrowWriter.bytes(of: table, options: .init(compression: codec, batchRows: 2)) {
                seeds.append(("sandpiper-\(codec).arrow", b))
            }
        }
        let fixtures = packageRoot + "/.build/sandpiper-file-fixtures/"
        for name in ["ipc_pyarrow_lz4.arrow", "ipc_pyarrow_stream.arrows", "ipc_pyarrow_dictionary.arrow"] {
            if let data = FileManager.default.contents(atPath: fixtures + name) { seeds.append((name, [UInt8](data))) }
        }
        return seeds
    }
}
