import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Every name a folder database accepts reads back after the folder is reopened; the ones it cannot
/// store are refused with a coded error, and the folder keeps opening either way.
@Suite struct FolderNamesTests {
    /// Names that stress the files: spaces (inside and at the ends), quotes, delimiters, line breaks,
    /// colons and type names, unicode (a combining mark after a comma is one Swift character but still a
    /// comma in the file), a byte-order mark, 1,000 characters, and the empty name.
    static let oddNames: [String] = [
        "a b", " lead", "trail ", "  ", "it's", "say \"hi\"", "\"", "a,b", ",", "line\nbreak", "cr\rhere", "crlf\r\n",
        "tab\there", "x:long", "a:", ":string", "Größe", "名前", "e\u{301}", ",\u{301}", "\u{FEFF}bom", "😀",
        String(repeating: "x", count: 1_000), "",
    ]

    /// The name as a KQL bracketed identifier, `["..."]`.
    static func bracketed(_ name: String) -> String {
        var out = "[\""
        for ch in name.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\"]"
    }

    /// The commands that write, each making table `T` with one long column named `c` holding 1. A new
    /// table is a CSV file; TSV and JSON Lines files keep their format, so they are reached by replacing
    /// (then appending to) an existing table of that format.
    static func writes(_ c: String, format: FolderFileFormat) -> [(String, [String])] {
        guard format == .csv else {
            return [(".set-or-replace", [".set-or-replace T <| print \(c) = 1", ".set-or-append T <| print \(c) = 1"])]
        }
        return [
            (".set", [".set T <| print \(c) = 1"]),
            (".append", [".create table T (\(c):long)", ".append T <| print x = 1"]),
            (".set-or-append", [".set-or-append T <| print \(c) = 1"]),
            (".set-or-replace", [".set-or-replace T <| print \(c) = 1"]),
            (".ingest", [".create table T (\(c):long)", ".ingest inline into table T <| 1"]),
        ]
    }

    @Test(arguments: [FolderFileFormat.csv, .tsv, .jsonl])
    func columnNamesReadBackOrAreRefused(format: FolderFileFormat) throws {
        for name in Self.oddNames {
            for (command, statements) in Self.writes(Self.bracketed(name), format: format) {
                let folder = TemporaryFolder()
                if format == .tsv { folder.write("T.tsv", "seed:long\n") }
                if format == .jsonl { folder.write("T.jsonl", "{\"seed\":1}\n") }
                var refused: KQLError?
                for statement in statements {
                    do {
                        _ = try Engine(database: try FolderDatabase(path: folder.path)).execute(statement)
                    } catch {
                        refused = error
                        break
                    }
                }
                let what = "\(command) of \(name.debugDescription) as \(format)"
                let reopened = try FolderDatabase(path: folder.path)
                #expect(
                    try Engine(database: reopened).execute("print 1").tables.count == 1,
                    "\(what): the folder still opens")
                if let refused {
                    #expect(refused.code == .command, "\(what): \(refused)")
                    #expect(name.isEmpty, "\(what) was refused: \(refused)")
                    continue
                }
                #expect(!name.isEmpty, "\(what) accepted an empty name")
                let table = try #require(
                    reopened.table(named: "T"),
                    "\(what): \(reopened.unavailableReason(forTable: "T")?.description ?? "")")
                #expect(table.schema.fields.map(\.name) == [name], "\(what): read back \(table.schema)")
                let rows = format == .csv ? 1 : 2
                #expect(
                    table.rowCount == rows
                        && table.columns.first?.boxedValues == Array(repeating: .long(1), count: rows), "\(what)")
            }
        }
    }

    @Test func tableNamesReadBackOrAreRefused() throws {
        for name in Self.oddNames + ["../up", ".hidden", "a/b", "T.csv", "x."] {
            let folder = TemporaryFolder()
            let what = name.debugDescription
            do {
                _ = try Engine(database: try FolderDatabase(path: folder.path)).execute(
                    ".set-or-append \(Self.bracketed(name)) <| print x = 1")
            } catch {
                #expect(error.code == .command, "\(what): \(error)")
                #expect(
                    name.isEmpty || name.utf8.count > 200 || name.hasPrefix(".") || name.contains("/"),
                    "\(what) was refused: \(error)")
                #expect(folder.files.isEmpty, "\(what): \(folder.files)")
                continue
            }
            let reopened = try FolderDatabase(path: folder.path)
            #expect(reopened.tableNames == [name], "\(what): \(reopened.tableNames)")
            #expect(reopened.table(named: name)?.row(0) == [.long(1)], "\(what)")
        }
    }

    @Test func oddStringValuesReadBack() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        let values = Self.oddNames.map { Value.string($0) }
        // One column alone (an empty value must not become a blank line) and beside another column.
        try db.write("One", table: Table([("s", Column(type: .string, values: values))]), replace: true)
        try db.write(
            "Two",
            table: Table([
                ("s", Column(type: .string, values: values)),
                ("n", Column(type: .long, values: values.map { _ in .null })),
            ]),
            replace: true)
        let reopened = try FolderDatabase(path: folder.path)
        #expect(reopened.table(named: "One")?.columns[0].boxedValues == values)
        #expect(reopened.table(named: "Two")?.columns[0].boxedValues == values)
    }

    @Test func headersQuoteOnlyWhatTheReaderWouldChange() {
        let schema = Schema([Field("Id", .long), Field(" pad", .string), Field("\u{FEFF}x", .int), Field("a,b", .real)])
        #expect(
            TableTextWriter.header(schema, delimiter: ",") == "Id:long,\" pad:string\",\u{FEFF}x:int,\"a,b:real\"\n")
        #expect(TableTextWriter.header(Schema([Field("\u{FEFF}x", .int)]), delimiter: ",") == "\"\u{FEFF}x:int\"\n")
        #expect(CSVWriter.line([""]) == "\"\"\n")
        #expect(CSVWriter.field(",\u{301}") == "\",\u{301}\"")
    }
}
