import Foundation
import KQLEngine

/// The folder database's readers on a hostile file: the input's first byte picks CSV, TSV or JSON
/// Lines, the rest is the file. The folder is opened as `--db` opens it; a table that loads is
/// queried, printed, and written back through the writer and read again.
///
/// Files live in a private folder under `/dev/shm` when it exists (the writer's fsync is free there).
struct TableReaderFuzzTarget: FuzzTarget {
    let name = "readers"
    let summary = "CSV/TSV/JSON Lines readers of a folder database, and the writer's round trip"

    static let formats: [FolderFileFormat] = [.csv, .tsv, .jsonl]

    /// A folder of this process's own, emptied before every input.
    static let root: String = {
        let path = ScratchFolder.path("sandpiper-fuzz-readers")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let format = Self.formats[Int(input.byte()) % Self.formats.count]
        let content = input.rest()
        let folder = Self.root + "/db"
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: folder + "/t." + format.fileExtension, contents: Data(content))
        else { return }
        let database: FolderDatabase
        do { database = try FolderDatabase(path: folder) } catch { _ = error.description; return }
        let engine = Engine(database: database, now: { 0 })
        guard let result = try? engine.execute("t | take 1000") else { return }
        for format in ResultFormat.allCases {
            _ = ResultRenderer.render(result.tables.map { PrintableResult(table: $0.table) }, format: format)
        }
        // What the reader accepted, the writer writes and the reader reads again.
        _ = try? engine.execute(".set-or-replace t2 <| t")
        _ = try? FolderDatabase(path: folder)
    }

    func describe(_ bytes: [UInt8]) -> String {
        var input = FuzzInput(bytes)
        let format = Self.formats[Int(input.byte()) % Self.formats.count]
        return "t.\(format.fileExtension):\n" + String(decoding: input.rest(), as: UTF8.self)
    }

    var dictionary: [String] {
        [
            "\"", "\"\"", ",", "\t", "\n", "\r\n", ":long", ":string", ":datetime", ":dynamic", ":real", ":bool",
            ":int",
            ":decimal", ":timespan", ":guid", "{\"", "\":", "[", "]", "{}", "null", "true", "1e308",
            "9223372036854775808",
            "2024-01-01T00:00:00Z", "\u{FEFF}",
        ]
    }
}
