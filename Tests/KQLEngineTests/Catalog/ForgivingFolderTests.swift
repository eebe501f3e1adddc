import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Folders that forgive: delimiters other than the comma, bad rows left out on request, files that are
/// not tables listed with the reason, and one file as a database.
@Suite struct ForgivingFolderTests {
    @Test(arguments: [
        ("Id;Name\n1;a\n2;\"b;c\"\n", ";"), ("Id\tName\n1\ta\n2\tb;c\n", "\t"), ("Id|Name\n1|a\n2|b;c\n", "|"),
        ("Id,Name\n1,a\n2,b;c\n", ","),
    ])
    func delimitersAreSniffedFromTheHeader(_ text: String, _ delimiter: String) throws {
        let folder = TemporaryFolder()
        folder.write("T.csv", text)
        let t = try #require(try FolderDatabase(path: folder.path).table(named: "T"))
        #expect(t.schema.names == ["Id", "Name"], "delimiter \(delimiter)")
        #expect(t.rows == [[.long(1), .string("a")], [.long(2), .string("b;c")]])
    }

    @Test func sniffingPrefersTheCommaOnATie() {
        #expect(DelimiterSniffer.delimiter(of: Array("a,b;c\n1,2;3".utf8)) == UInt8(ascii: ","))
        #expect(DelimiterSniffer.delimiter(of: Array("\"a;b\",c\n".utf8)) == UInt8(ascii: ","))
        #expect(DelimiterSniffer.delimiter(of: Array("single\n1;2;3".utf8)) == UInt8(ascii: ","))
    }

    @Test func badRowsAreLeftOutAndCountedOnRequest() throws {
        let folder = TemporaryFolder()
        folder.write("T.csv", "x:long,y\n1,a\n2\nz,c\n3,d\n\u{FF}\u{FE},e\n")
        // By default the file is refused with its first bad line; the folder still opens.
        let strict = try FolderDatabase(path: folder.path)
        #expect(strict.table(named: "T") == nil)
        #expect(
            strict.unavailableReason(forTable: "T")?.message.hasPrefix(
                "\(folder.path)/T.csv:3: the record has 1 fields") == true)
        let lenient = try FolderDatabase(path: folder.path, skipBadRows: true)
        #expect(lenient.table(named: "T")?.rows == [[.long(1), .string("a")], [.long(3), .string("d")]])
        #expect(lenient.skippedRows.count == 1)
        #expect(lenient.skippedRows.first?.rows == SkippedRows(count: 3, firstLine: 3))
    }

    @Test func filesThatAreNotTablesAreListedWithTheReason() throws {
        let folder = TemporaryFolder()
        folder.write("Good.csv", "a\n1\n")
        folder.write("Empty.csv", "")
        folder.write("notes.xlsx", "x")
        let shown = try Engine(database: try FolderDatabase(path: folder.path)).execute(".show tables").tables[0].table
        #expect(shown.schema.names == ["TableName", "DatabaseName", "Folder", "DocString", "Note"])
        let rows = shown.rows.map { r in
            [r[0], r[4]].map { if case .string(let s) = $0 { return s } else { return "" } }
        }
        #expect(rows.count == 3)
        #expect(rows[0] == ["Good", ""])
        #expect(
            rows[1][0] == "Empty" && rows[1][1].hasPrefix("not loaded: \(folder.path)/Empty.csv: the file is empty"))
        #expect(
            rows[2] == [
                "notes.xlsx",
                "ignored: .xlsx is not a table format; tables are .csv, .tsv, .jsonl, .ndjson, .parquet, .arrow or .feather files",
            ])
    }

    @Test func oneFileIsAOneTableDatabase() throws {
        let folder = TemporaryFolder()
        folder.write("People.csv", "Id,Name\n1,a\n")
        folder.write("Other.csv", "x\n1\n")
        let db = try FolderDatabase(path: folder.path + "/People.csv")
        #expect(db.tableNames == ["People"])
        let engine = Engine(database: db)
        #expect(try engine.execute("People | count").tables[0].table.rows == [[.long(1)]])
        _ = try engine.execute(".append People <| print Id = 2, Name = 'b'")
        #expect(folder.read("People.csv") == "Id:long,Name:string\n1,a\n2,b\n")
        let refused = #expect(throws: KQLError.self) { try engine.execute(".set New <| print x = 1") }
        #expect(refused?.code == .command)
        #expect(!db.isPersistent)
    }
}
