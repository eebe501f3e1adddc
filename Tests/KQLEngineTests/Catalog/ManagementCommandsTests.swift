import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import KQLEngine

/// Commands built as the parser would build them (the parser lives on another branch of work).
@Suite struct ManagementCommandsTests {
    func name(_ s: String) -> NameSyntax { NameSyntax(s, span: SourceSpan(0, s.utf8.count)) }
    func command(_ kind: CommandSyntax.Kind) -> CommandSyntax { CommandSyntax(kind: kind, span: SourceSpan(0, 1)) }
    func noQuery(_ e: ExpressionSyntax) throws(KQLError) -> Table { throw KQLError(.unsupported, "no query expected") }

    func run(
        _ kind: CommandSyntax.Kind, _ db: any Database,
        query: @escaping (ExpressionSyntax) throws(KQLError) -> Table = { _ throws(KQLError) in
            throw KQLError(.unsupported, "none")
        }
    ) throws(KQLError) -> Table {
        try ManagementCommands.execute(
            command(kind), in: db, runQuery: query, validateFunction: { _, _ throws(KQLError) in })
    }

    func createT(_ db: any Database) throws {
        _ = try run(
            .createTable(
                table: name("T"),
                columns: [
                    ColumnDeclarationSyntax(name: name("Id"), type: .long),
                    ColumnDeclarationSyntax(name: name("Name"), type: .string),
                ]), db)
    }

    @Test func createShowAndDrop() throws {
        let db = InMemoryDatabase()
        try createT(db)
        let shown = try run(.showTables, db)
        #expect(shown.schema.names == ["TableName", "DatabaseName", "Folder", "DocString"])
        #expect(shown.rows == [[.string("T"), .string("Sandpiper"), .string(""), .string("")]])
        let schema = try run(.showTableSchema(table: name("T"), asJSON: false), db)
        #expect(schema.row(0)[1] == .string("Id:long,Name:string"))
        let json = try run(.showTableSchema(table: name("T"), asJSON: true), db)
        #expect(
            json.row(0)[1]
                == .string(
                    #"{"Name":"T","OrderedColumns":[{"Name":"Id","Type":"System.Int64","CslType":"long"},{"Name":"Name","Type":"System.String","CslType":"string"}]}"#
                ))
        let remaining = try run(.dropTable(table: name("T"), ifExists: false), db)
        #expect(remaining.rowCount == 0)
        #expect(db.tableNames.isEmpty)
        _ = try run(.dropTable(table: name("T"), ifExists: true), db)
        let error = #expect(throws: KQLError.self) { try run(.dropTable(table: name("T"), ifExists: false), db) }
        #expect(error?.code == .unknownName)
    }

    @Test func ingestInlineUsesTheTableSchema() throws {
        let db = InMemoryDatabase()
        try createT(db)
        let result = try run(.ingestInline(table: name("T"), options: [], data: "1,a\n2,\"b, c\"\n"), db)
        #expect(result.schema.fields.map(\.type) == [.guid, .long])
        #expect(result.row(0)[1] == .long(2))
        #expect(db.table(named: "T")!.rows == [[.long(1), .string("a")], [.long(2), .string("b, c")]])
        let tsv = OptionSyntax(name: "format", value: .name(name("tsv")), span: SourceSpan(0, 1))
        _ = try run(.ingestInline(table: name("T"), options: [tsv], data: "3\tx\n"), db)
        let json = OptionSyntax(
            name: "format", value: .literal(.string("json"), .string, SourceSpan(0, 1)), span: SourceSpan(0, 1))
        _ = try run(.ingestInline(table: name("T"), options: [json], data: "{\"Id\":4,\"Name\":\"y\"}\n"), db)
        #expect(db.table(named: "T")!.rowCount == 4)
    }

    @Test func ingestInlineErrors() throws {
        let db = InMemoryDatabase()
        try createT(db)
        let bad = #expect(throws: KQLError.self) {
            try run(.ingestInline(table: name("T"), options: [], data: "1,a\nx,b\n"), db)
        }
        #expect(bad?.code == .data)
        #expect(bad?.message.contains(":2") == true)
        #expect(db.table(named: "T")!.rowCount == 0)
        let missing = #expect(throws: KQLError.self) {
            try run(.ingestInline(table: name("U"), options: [], data: "1"), db)
        }
        #expect(missing?.code == .unknownName)
        let unknownOption = OptionSyntax(name: "creationTime", value: .name(name("x")), span: SourceSpan(0, 1))
        #expect(throws: KQLError.self) {
            try run(.ingestInline(table: name("T"), options: [unknownOption], data: "1,a"), db)
        }
    }

    @Test func setAppendAndReplace() throws {
        let db = InMemoryDatabase()
        let rows = Table([("x", Column(type: .long, int64s: [1, 2]))])
        let query: (ExpressionSyntax) throws(KQLError) -> Table = { _ throws(KQLError) in rows }
        let e = ExpressionSyntax.name(name("ignored"))
        _ = try run(.setOrAppend(verb: "set", table: name("A"), options: [], query: e), db, query: query)
        #expect(throws: KQLError.self) {
            try run(.setOrAppend(verb: "set", table: name("A"), options: [], query: e), db, query: query)
        }
        _ = try run(.setOrAppend(verb: "append", table: name("A"), options: [], query: e), db, query: query)
        #expect(db.table(named: "A")!.rowCount == 4)
        let appended = try run(
            .setOrAppend(verb: "set-or-append", table: name("A"), options: [], query: e), db, query: query)
        #expect(appended.row(0)[1] == .long(2))
        #expect(db.table(named: "A")!.rowCount == 6)
        _ = try run(.setOrAppend(verb: "set-or-replace", table: name("A"), options: [], query: e), db, query: query)
        #expect(db.table(named: "A")!.rowCount == 2)
        let missing = #expect(throws: KQLError.self) {
            try run(.setOrAppend(verb: "append", table: name("B"), options: [], query: e), db, query: query)
        }
        #expect(missing?.code == .unknownName)
    }

    @Test func commandsWriteThroughToAFolder() throws {
        let folder = TemporaryFolder()
        let db = try FolderDatabase(path: folder.path)
        try createT(db)
        _ = try run(.ingestInline(table: name("T"), options: [], data: "1,a\n"), db)
        #expect(folder.read("T.csv") == "Id:long,Name:string\n1,a\n")
        let shown = try run(.showTables, db)
        #expect(shown.row(0)[1] == .string(URL(fileURLWithPath: folder.path).lastPathComponent))
    }
}
