import Columnar
import Foundation
import KQLSyntax
import Testing

@testable import KQLEngine

/// Parquet files as folder tables, and `.export` to Parquet, CSV, TSV and JSON.
@Suite struct ParquetFolderTests {
    static func run(_ engine: Engine, _ text: String) throws -> Table {
        try engine.execute(text).tables[0].table
    }

    /// Compares every cell; `datetimeUnit` is what the file kept of a datetime (in nanoseconds).
    static func expectSame(_ got: Table, _ table: Table, datetimeUnit: Int64) {
        #expect(got.schema == table.schema)
        #expect(got.rowCount == table.rowCount)
        guard got.schema == table.schema, got.rowCount == table.rowCount else { return }
        for (c, f) in table.schema.fields.enumerated() {
            for r in 0..<table.rowCount {
                let want = table.columns[c].value(r), value = got.columns[c].value(r)
                if case .real(let x) = want, x.isNaN {
                    guard case .real(let y) = value else { Issue.record("\(f.name) lost its NaN"); continue }
                    #expect(y.isNaN)
                } else if case .timespan(let x) = want {
                    // Timespans keep 100 ns ticks, as KQL's own do.
                    #expect(value == .timespan(x / 100 * 100), "column \(f.name) row \(r)")
                } else if case .datetime(let x) = want {
                    #expect(value == .datetime(x / datetimeUnit * datetimeUnit), "column \(f.name) row \(r)")
                } else {
                    #expect(value == want, "column \(f.name) row \(r)")
                }
            }
        }
    }

    @Test func everyTypeRoundTripsThroughExportAndAParquetTable() throws {
        let folder = TemporaryFolder()
        let table = FolderDatabaseTests.everyType()
        let db = try FolderDatabase(path: folder.path)
        try db.write("Source", table: table, replace: true)
        _ = try Self.run(Engine(database: db), ".export to parquet (h@\"\(folder.path)/Copy.parquet\") <| Source")
        // `.export` writes milliseconds, as ADX does by default.
        let reopened = try FolderDatabase(path: folder.path)
        Self.expectSame(try #require(reopened.table(named: "Copy")), table, datetimeUnit: 1_000_000)
        // A folder's own Parquet table keeps nanoseconds.
        _ = try Self.run(Engine(database: reopened), ".set-or-replace Copy <| Source")
        #expect(folder.files == ["Copy.parquet", "Source.csv"])
        Self.expectSame(
            try #require(try FolderDatabase(path: folder.path).table(named: "Copy")), table, datetimeUnit: 1)
    }

    @Test func aParquetTableKeepsItsFormatWhenWritten() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        _ = try Self.run(engine, ".export to parquet (h@\"\(folder.path)/T.parquet\") <| range x from 1 to 3 step 1")
        let reopened = Engine(database: try FolderDatabase(path: folder.path))
        _ = try Self.run(reopened, ".append T <| print x = 10")
        #expect(folder.files == ["T.parquet"])
        let t = try Self.run(Engine(database: try FolderDatabase(path: folder.path)), "T | summarize sum(x), count()")
        #expect(t.rows == [[.long(16), .long(4)]])
    }

    @Test func exportAnswersPathAndRecordCount() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        let t = try Self.run(engine, ".export to csv (h@\"\(folder.path)/\") <| range x from 1 to 5 step 1")
        #expect(t.schema.names == ["Path", "NumRecords"])
        #expect(t.rows == [[.string(folder.path + "/export_1.csv"), .long(5)]])
        // ADX writes no header unless includeHeaders asks for one.
        #expect(folder.read("export_1.csv") == "1\n2\n3\n4\n5\n")
    }

    @Test func exportWritesHeadersTsvAndJsonAsAsked() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        let query = "print a = 1, b = 'x,y'"
        _ = try Self.run(
            engine, ".export to csv (h@\"\(folder.path)/a.csv\") with (includeHeaders=\"all\") <| \(query)")
        #expect(folder.read("a.csv") == "a,b\n1,\"x,y\"\n")
        _ = try Self.run(engine, ".export to tsv (h@\"\(folder.path)/a.tsv\") <| \(query)")
        #expect(folder.read("a.tsv") == "1\tx,y\n")
        _ = try Self.run(engine, ".export to json (h@\"\(folder.path)/a.json\") <| \(query)")
        #expect(folder.read("a.json") == "{\"a\":1,\"b\":\"x,y\"}\n")
        _ = try Self.run(
            engine, ".export compressed to csv (h@\"\(folder.path)/\") with (namePrefix=\"z\") <| \(query)")
        let gz = try #require(FileManager.default.contents(atPath: folder.path + "/z_1.csv.gz"))
        #expect(Array(gz.prefix(2)) == [0x1f, 0x8b])
    }

    @Test func exportRefusesPathsOutsideTheAllowedFolders() throws {
        let folder = TemporaryFolder()
        let engine = Engine(database: try FolderDatabase(path: folder.path))
        #expect {
            try engine.execute(".export to csv (h@\"/etc/sandpiper-export.csv\") <| print 1")
        } throws: { ($0 as? KQLError)?.code == .argument }
        #expect {
            try engine.execute(".export to parquet (h@\"https://acct.blob.core.windows.net/c;key\") <| print 1")
        } throws: { ($0 as? KQLError)?.code == .unsupported }
        #expect {
            try engine.execute(".export to xlsx (h@\"\(folder.path)/a.xlsx\") <| print 1")
        } throws: { ($0 as? KQLError)?.code == .unsupported }
        #expect {
            try engine.execute(
                ".export to parquet (h@\"\(folder.path)/a.parquet\") with (compressionType=\"lzo\") <| print 1")
        } throws: { ($0 as? KQLError)?.code == .argument }
        #expect(folder.files.isEmpty)
    }

    @Test func aDamagedParquetFileLeavesTheOtherTables() throws {
        let folder = TemporaryFolder()
        folder.write("Good.csv", "a\n1\n")
        folder.write("Bad.parquet", "PAR1 this is not really parquet PAR1")
        let db = try FolderDatabase(path: folder.path)
        #expect(db.table(named: "Good") != nil)
        let reason = try #require(db.unavailableReason(forTable: "Bad"))
        #expect(reason.code == .data)
        #expect(reason.message.hasPrefix("\(folder.path)/Bad.parquet: byte "), "\(reason.message)")
    }
}
