import Columnar
import Foundation
import KQLSyntax
import Testing

@testable import KQLEngine

/// Arrow IPC files (`.arrow`, `.feather`, `.arrows`) as folder tables, and `.export to arrow`.
@Suite struct ArrowFolderTests {
    static func run(_ engine: Engine, _ text: String) throws -> Table {
        try engine.execute(text).tables[0].table
    }

    @Test func everyTypeRoundTripsExactlyThroughExportAndAnArrowTable() throws {
        let folder = TemporaryFolder()
        let table = FolderDatabaseTests.everyType()
        let db = try FolderDatabase(path: folder.path)
        try db.write("Source", table: table, replace: true)
        let answer = try Self.run(
            Engine(database: db),
            ".export to arrow (h@\"\(folder.path)/Copy.arrow\") with (compressionType=zstd) <| Source")
        #expect(answer.rows == [[.string(folder.path + "/Copy.arrow"), .long(Int64(table.rowCount))]])
        // Arrow keeps nanosecond datetimes and timespans, so the copy is the table itself.
        let reopened = try FolderDatabase(path: folder.path)
        ParquetFolderTests.expectSame(try #require(reopened.table(named: "Copy")), table, datetimeUnit: 1)
    }

    @Test func anArrowTableKeepsItsFormatWhenWritten() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        _ = try Self.run(engine, ".export to arrow (h@\"\(folder.path)/T.feather\") <| range x from 1 to 3 step 1")
        let reopened = Engine(database: try FolderDatabase(path: folder.path))
        _ = try Self.run(reopened, ".append T <| print x = 10")
        #expect(folder.files == ["T.feather"])
        let t = try Self.run(Engine(database: try FolderDatabase(path: folder.path)), "T | summarize sum(x), count()")
        #expect(t.rows == [[.long(16), .long(4)]])
    }

    @Test func aDamagedArrowFileIsReportedAndTheOthersLoad() throws {
        let folder = TemporaryFolder()
        folder.write("Good.csv", "a\n1\n")
        folder.write("Bad.arrow", "ARROW1\0\0 not really")
        let db = try FolderDatabase(path: folder.path)
        #expect(db.table(named: "Good") != nil)
        #expect(db.table(named: "Bad") == nil)
        let reason = try #require(db.unavailableReason(forTable: "Bad"))
        #expect(reason.code == .data && reason.message.hasPrefix("\(folder.path)/Bad.arrow: byte "), "\(reason)")
    }

    @Test func exportToAFolderNamesTheFileWithTheArrowExtension() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        let t = try Self.run(engine, ".export to arrow (h@\"\(folder.path)/\") <| print s = 'x'")
        #expect(t.rows == [[.string(folder.path + "/export_1.arrow"), .long(1)]])
        #expect(
            try Self.run(Engine(database: try FolderDatabase(path: folder.path)), "export_1").rows == [[.string("x")]])
    }
}
