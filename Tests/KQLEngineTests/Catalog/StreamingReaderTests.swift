import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Folder files are read a megabyte at a time: fields and lines that straddle chunks read as whole,
/// and errors keep their file:line.
@Suite struct StreamingReaderTests {
    @Test func aFieldLargerThanAChunkReadsWhole() throws {
        let folder = TemporaryFolder()
        let big = String(repeating: "ab,\"c\"\n", count: 400_000)  // 2.8 MB, quoted: commas, quotes, newlines inside
        folder.write("T.csv", "s,n\n" + CSVWriter.field(big) + ",1\nx,2\n")
        let t = try #require(try FolderDatabase(path: folder.path).table(named: "T"))
        #expect(t.schema == Schema([Field("s", .string), Field("n", .long)]))
        #expect(t.columns[0].boxedValues == [.string(big), .string("x")])
        #expect(t.columns[1].boxedValues == [.long(1), .long(2)])
    }

    @Test func manyRecordsAcrossChunksKeepTheirLineNumbers() throws {
        let folder = TemporaryFolder()
        var text = "Id,Name\r\n"
        for i in 0..<200_000 { text += "\(i),name\(i)\r\n" }  // about 3 MB
        text += "200000\r\n"
        folder.write("Rows.csv", text)
        let db = try FolderDatabase(path: folder.path)
        let error = try #require(db.unavailableReason(forTable: "Rows"))
        #expect(
            error.message.hasSuffix("Rows.csv:200002: the record has 1 fields, the header has 2"), "\(error.message)")
        folder.write("Rows.csv", String(text.dropLast("200000\r\n".count)))
        let rows = try #require(try FolderDatabase(path: folder.path).table(named: "Rows"))
        #expect(rows.rowCount == 200_000)
        #expect(rows.row(199_999) == [.long(199_999), .string("name199999")])
    }

    @Test func jsonLinesAcrossChunks() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 1_500_000)
        folder.write(
            "L.jsonl", "{\"a\":1,\"s\":\"\(long)\"}\r\n\r\n{\"a\":2.5,\"t\":\"2024-01-01T00:00:00Z\"}\n{\"s\":\"y\"}")
        let t = try #require(try FolderDatabase(path: folder.path).table(named: "L"))
        #expect(t.schema == Schema([Field("a", .real), Field("s", .string), Field("t", .datetime)]))
        #expect(t.rowCount == 3)
        #expect(t.row(0)[1] == .string(long) && t.row(2) == [.null, .string("y"), .null])
        folder.write("L.jsonl", "{\"a\":1}\n" + String(repeating: " ", count: 1_200_000) + "\n{\"a\":\n")
        let error = try #require(try FolderDatabase(path: folder.path).unavailableReason(forTable: "L"))
        #expect(error.message.contains("L.jsonl:3: "), "\(error.message)")
    }

    @Test func invalidUTF8IsADataErrorAtItsLine() throws {
        let folder = TemporaryFolder()
        _ = FileManager.default.createFile(
            atPath: folder.path + "/B.csv", contents: Data("a\nok\n".utf8 + [0xFF, 0x41, 0x0A]))
        _ = FileManager.default.createFile(
            atPath: folder.path + "/J.jsonl", contents: Data("{\"a\":1}\n{\"a\":\"".utf8 + [0xC3] + Data("\"}\n".utf8)))
        let db = try FolderDatabase(path: folder.path)
        #expect(
            db.unavailableReason(forTable: "B")?.message
                == "cannot read \(folder.path)/B.csv as UTF-8 text: the record at line 3 is not valid UTF-8")
        #expect(
            db.unavailableReason(forTable: "J")?.message
                == "cannot read \(folder.path)/J.jsonl as UTF-8 text: line 2 is not valid UTF-8")
    }

    @Test func typeInferenceOneCellAtATimeMatchesTheWholeColumn() {
        let columns: [[String]] = [
            ["1", "-2", ""], ["1", "2.5"], ["true", "False"], ["2024-01-01", "x"], ["", ""], ["01:00:00"],
        ]
        for cells in columns {
            var inference = CellParser.TypeInference()
            for c in cells { inference.add(c) }
            #expect(inference.type == CellParser.inferType(cells), "\(cells)")
        }
    }
}
