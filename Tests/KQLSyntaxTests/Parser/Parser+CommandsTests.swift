import Columnar
import Testing
@testable import KQLSyntax

@Suite struct CommandTests {
    func command(_ text: String) throws -> CommandSyntax.Kind? {
        let script = try Parser.parse(text)
        guard script.statements.count == 1, case .command(let c) = script.statements[0] else { return nil }
        return c.kind
    }

    @Test func show() throws {
        guard case .showTables? = try command(".show tables") else { Issue.record(".show tables"); return }
        guard case .showFunctions? = try command(".show functions") else { Issue.record(".show functions"); return }
        guard case .showTableSchema(let t, let json)? = try command(".show table T schema as json") else { Issue.record("schema"); return }
        #expect(t.name == "T" && json)
        guard case .showTableSchema(_, let plain)? = try command(".show table ['My T'] schema") else { Issue.record("schema"); return }
        #expect(!plain)
    }

    @Test func createAndDrop() throws {
        guard case .createTable(let t, let cols)? = try command(".create table T (a:long, b:string, ['c d']:datetime)") else {
            Issue.record("create"); return
        }
        #expect(t.name == "T")
        #expect(cols.map { "\($0.name.name):\($0.type.rawValue)" } == ["a:long", "b:string", "c d:datetime"])
        guard case .dropTable(let d, let ifExists)? = try command(".drop table T ifexists") else { Issue.record("drop"); return }
        #expect(d.name == "T" && ifExists)
        guard case .dropTable(_, let no)? = try command(".drop table T") else { Issue.record("drop"); return }
        #expect(!no)
    }

    @Test func ingestInlineKeepsRawData() throws {
        let text = ".ingest inline into table T with (format='csv', ignoreFirstRecord=true) <|\na,b\n1,\"x; y\"\n2,it's // not a comment\n"
        guard case .ingestInline(let t, let options, let data)? = try command(text) else { Issue.record("ingest"); return }
        #expect(t.name == "T")
        #expect(options.map(dump) == ["format='csv'", "ignoreFirstRecord=bool(true)"])
        #expect(data == "a,b\n1,\"x; y\"\n2,it's // not a comment\n")
        guard case .ingestInline(_, _, let same)? = try command(".ingest inline into table T <| 1,a") else { Issue.record("ingest"); return }
        #expect(same == "1,a")
    }

    @Test func setOrAppend() throws {
        for verb in ["set", "append", "set-or-append", "set-or-replace"] {
            guard case .setOrAppend(let v, let t, _, let q)? = try command(".\(verb) T <| U | where a > 1") else {
                Issue.record(".\(verb)"); continue
            }
            #expect(v == verb && t.name == "T")
            #expect(dump(q) == "U | where (> a 1)")
        }
        guard case .setOrAppend(_, _, let options, _)? = try command(".set-or-append async T with (folder='x') <| print 1") else {
            Issue.record("options"); return
        }
        #expect(options.map(dump) == ["folder='x'"])
    }

    @Test func createFunction() throws {
        guard case .createFunction(let n, let def, let orAlter)? =
                try command(".create-or-alter function with (docstring='d') Add(a:long, b:long = 1) { a + b }") else {
            Issue.record("function"); return
        }
        #expect(n.name == "Add" && orAlter)
        #expect(dump(def) == "(a:long, b:long=1){(+ a b)}")
        guard case .createFunction(_, _, false)? = try command(".create function F() { T | take 1 }") else { Issue.record("create"); return }
    }

    @Test func unsupportedCommand() {
        #expect(throws: KQLError.self) { try Parser.parse(".alter table T policy caching") }
        do {
            _ = try Parser.parse(".show databases")
        } catch {
            #expect(error.code == .unsupported)
            #expect(error.message == "command `.show databases` is not supported")
        }
    }
}
