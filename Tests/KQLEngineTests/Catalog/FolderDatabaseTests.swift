import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// A fresh temporary folder, removed when the test ends.
final class TemporaryFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "sandpiper-folderdb-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
    }
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }
    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
}

@Suite struct FolderDatabaseTests {
    /// One row of every type, plus a row of nulls, with text that needs quoting.
    static func everyType() -> Table {
        let g = UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!
        let t = DateTimeFormat.parse("2024-02-29T12:34:56.1234567Z")!
        let d = Dynamic.bag(PropertyBag([("a", .long(1)), ("b", .array([.string("x,\"y\""), .real(0.5), .null]))]))
        return Table([
            ("b", Column(type: .bool, values: [.bool(true), .null])),
            ("i", Column(type: .int, values: [.int(-7), .null])),
            ("l", Column(type: .long, values: [.long(Int64.max), .null])),
            ("r", Column(type: .real, values: [.real(0.1 + 0.2), .null])),
            ("rn", Column(type: .real, values: [.real(.nan), .real(-.infinity)])),
            ("m", Column(type: .decimal, values: [.decimal(Decimal(string: "12.345")!), .null])),
            ("t", Column(type: .datetime, values: [.datetime(t), .null])),
            ("s", Column(type: .timespan, values: [.timespan(-(86_400 + 3_723) * 1_000_000_000 - 500), .null])),
            ("g", Column(type: .guid, values: [.guid(g), .null])),
            ("str", Column(type: .string, values: [.string("a, \"quoted\"\nline two"), .string("")])),
            ("dyn", Column(type: .dynamic, values: [.dynamic(d), .dynamic(.null)])),
        ])
    }

    @Test func everyTypeRoundTripsThroughCSV() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        let table = Self.everyType()
        try db.write("All", table: table, replace: true)
        #expect(folder.files == ["All.csv"])
        let reopened = try #require(try FolderDatabase(path: folder.path).table(named: "All"))
        #expect(reopened.schema == table.schema)
        #expect(reopened.rowCount == 2)
        for (c, f) in table.schema.fields.enumerated() {
            for r in 0..<2 {
                let want = table.columns[c].value(r), got = reopened.columns[c].value(r)
                if case .real(let x) = want, x.isNaN {
                    guard case .real(let y) = got else { Issue.record("\(f.name) lost its NaN"); continue }
                    #expect(y.isNaN)
                } else if case .timespan(let x) = want {
                    // Timespans keep 100 ns ticks, as KQL's text form does.
                    #expect(got == .timespan(x / 100 * 100), "column \(f.name) row \(r)")
                } else {
                    #expect(got == want, "column \(f.name) row \(r)")
                }
            }
        }
    }

    @Test func typedHeaderIsWritten() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        try db.createTable("T", schema: Schema([Field("Id", .long), Field("Name", .string)]))
        #expect(folder.read("T.csv") == "Id:long,Name:string\n")
        try db.write(
            "T", table: Table([("Id", Column(type: .long, int64s: [1])), ("Name", Column(strings: ["a,b"]))]),
            replace: false)
        #expect(folder.read("T.csv") == "Id:long,Name:string\n1,\"a,b\"\n")
    }

    @Test func writesLeaveNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        for k in 0..<5 {
            try db.write("T", table: Table([("x", Column(type: .long, int64s: [Int64(k)]))]), replace: k % 2 == 0)
        }
        #expect(folder.files == ["T.csv"])
        try db.dropTable("T")
        #expect(folder.files.isEmpty)
    }

    @Test func failedWriteLeavesTableAndNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        folder.write("T.csv", "x:long\n1\n")
        let db = try FolderDatabase(path: folder.path)
        // Appending rows of another type is refused before anything is written.
        #expect(throws: KQLError.self) {
            try db.write("T", table: Table([("x", Column(strings: ["a"]))]), replace: false)
        }
        #expect(folder.files == ["T.csv"])
        #expect(folder.read("T.csv") == "x:long\n1\n")
        #expect(db.table(named: "T")?.rowCount == 1)
    }

    @Test func writeIntoMissingFolderFailsCleanly() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        try FileManager.default.removeItem(atPath: folder.path)
        let error = #expect(throws: KQLError.self) {
            try db.write("T", table: Table([("x", Column(type: .long, int64s: [1]))]), replace: true)
        }
        #expect(error?.code == .command)
        #expect(db.table(named: "T") == nil)
    }

    @Test func infersTypesWithoutATypedHeader() throws {
        let folder = TemporaryFolder()
        folder.write(
            "Plain.csv", "Id,Score,When,Ok,Name\n1,2.5,2024-01-01T00:00:00Z,true,x\n2,3,2024-01-02,false,\"y, z\"\n")
        folder.write("Mixed.tsv", "Id:long\tNote\n7\thello\n")
        folder.write(
            "Logs.jsonl",
            "{\"Id\":1,\"At\":\"2024-01-01T00:00:00Z\",\"Props\":{\"k\":1}}\n\n{\"Id\":2,\"Extra\":true}\n")
        folder.write("ignored.txt", "not a table")
        let db = try FolderDatabase(path: folder.path)
        #expect(db.tableNames == ["Logs", "Mixed", "Plain"])
        #expect(db.table(named: "Plain")!.schema.fields.map(\.type) == [.long, .real, .datetime, .bool, .string])
        #expect(db.table(named: "Plain")!.row(1)[4] == .string("y, z"))
        #expect(db.table(named: "Mixed")!.schema == Schema([Field("Id", .long), Field("Note", .string)]))
        let logs = try #require(db.table(named: "Logs"))
        #expect(
            logs.schema.fields.map { "\($0.name):\($0.type)" } == [
                "Id:long", "At:datetime", "Props:dynamic", "Extra:bool",
            ])
        #expect(logs.row(1)[1] == .null)
    }

    @Test func badFilesGiveDataErrorsWithFileAndLine() throws {
        let cases: [(String, String, String)] = [
            ("Bad.csv", "a,b\n1,2\n3\n", "Bad.csv:3"),
            ("Quote.csv", "a\n\"open\n", "Quote.csv:2:1"),
            ("Typed.csv", "a:long\n1\nx\n", "Typed.csv:3"),
            ("Json.jsonl", "{\"a\":1}\n[1]\n", "Json.jsonl:2"),
            ("Empty.csv", "", "Empty.csv"),
        ]
        for (name, text, location) in cases {
            let folder = TemporaryFolder()
            folder.write(name, text)
            folder.write("Good.csv", "x:long\n1\n")
            // The folder opens; the bad file's table is unavailable with its error, the others work.
            let db = try FolderDatabase(path: folder.path)
            let table = String(name.split(separator: ".")[0])
            #expect(db.table(named: table) == nil)
            let error = db.unavailableReason(forTable: table)
            #expect(error?.code == .data, "\(name)")
            #expect(error?.message.contains(location) == true, "\(name): \(error?.message ?? "")")
            #expect(error?.hint != nil)
            let engine = Engine(database: db)
            #expect(try engine.execute("Good | count").tables[0].table.row(0) == [.long(1)])
            let queried = #expect(throws: KQLError.self) { try engine.execute("\(table) | count") }
            #expect(queried?.code == .data && queried?.message.contains(location) == true, "\(name)")
        }
    }

    @Test func twoFilesForOneTableMakeOnlyThatTableUnavailable() throws {
        let folder = TemporaryFolder()
        folder.write("T.csv", "a:long\n1\n")
        folder.write("T.tsv", "a:long\n2\n")
        folder.write("U.csv", "b:long\n3\n")
        let db = try FolderDatabase(path: folder.path)
        #expect(db.table(named: "T") == nil)
        #expect(db.unavailableReason(forTable: "T")?.message.hasPrefix("two files hold table 'T'") == true)
        #expect(db.table(named: "U")?.row(0) == [.long(3)])
    }

    @Test func missingFolderIsACommandError() {
        let error = #expect(throws: KQLError.self) { try FolderDatabase(path: "/nonexistent/sandpiper-db") }
        #expect(error?.code == .command)
    }

    @Test func refusesNamesThatEscapeTheFolder() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        #expect(throws: KQLError.self) { try db.createTable("../x", schema: Schema([Field("a", .long)])) }
        #expect(throws: KQLError.self) { try db.createTable(".hidden", schema: Schema([Field("a", .long)])) }
    }

    @Test func jsonLinesTablesStayJSONLines() throws {
        let folder = TemporaryFolder()
        folder.write("L.jsonl", "{\"a\":1,\"b\":\"x\"}\n")
        let db = try FolderDatabase(path: folder.path)
        try db.write(
            "L", table: Table([("a", Column(type: .long, int64s: [2])), ("b", Column(strings: ["y"]))]), replace: false)
        #expect(folder.read("L.jsonl") == "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n")
    }
}
