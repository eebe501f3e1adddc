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
        guard case .showTableSchema(let t, let json)? = try command(".show table T schema as json") else {
            Issue.record("schema"); return
        }
        #expect(t.name == "T" && json)
        guard case .showTableSchema(_, let plain)? = try command(".show table ['My T'] schema") else {
            Issue.record("schema"); return
        }
        #expect(!plain)
    }

    @Test func createAndDrop() throws {
        guard case .createTable(let t, let cols)? = try command(".create table T (a:long, b:string, ['c d']:datetime)")
        else {
            Issue.record("create"); return
        }
        #expect(t.name == "T")
        #expect(cols.map { "\($0.name.name):\($0.type.rawValue)" } == ["a:long", "b:string", "c d:datetime"])
        guard case .dropTable(let d, let ifExists)? = try command(".drop table T ifexists") else {
            Issue.record("drop"); return
        }
        #expect(d.name == "T" && ifExists)
        guard case .dropTable(_, let no)? = try command(".drop table T") else { Issue.record("drop"); return }
        #expect(!no)
    }

    @Test func ingestInlineKeepsRawData() throws {
        let text =
            ".ingest inline into table T with (format='csv', ignoreFirstRecord=true) <|\na,b\n1,\"x; y\"\n2,it's // not a comment\n"
        guard case .ingestInline(let t, let options, let data)? = try command(text) else {
            Issue.record("ingest"); return
        }
        #expect(t.name == "T")
        #expect(options.map(dump) == ["format='csv'", "ignoreFirstRecord=bool(true)"])
        #expect(data == "a,b\n1,\"x; y\"\n2,it's // not a comment\n")
        guard case .ingestInline(_, _, let same)? = try command(".ingest inline into table T <| 1,a") else {
            Issue.record("ingest"); return
        }
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
        guard
            case .setOrAppend(_, _, let options, _)? = try command(
                ".set-or-append async T with (folder='x') <| print 1")
        else {
            Issue.record("options"); return
        }
        #expect(options.map(dump) == ["folder='x'"])
    }

    @Test func createFunction() throws {
        guard
            case .createFunction(let f)? =
                try command(
                    ".create-or-alter function with (docstring='d') Add(a:long, b:long = dynamic({}) ) { a + b }")
        else {
            Issue.record("function"); return
        }
        #expect(f.name.name == "Add" && f.verb == .createOrAlter && !f.ifNotExists)
        #expect(f.properties.map(dump) == ["docstring='d'"])
        #expect(f.parametersText == "(a:long, b:long = dynamic({}) )")
        #expect(f.bodyText == "{ a + b }")
        guard case .createFunction(let c)? = try command(".create function ifnotexists F() {T | take 1}") else {
            Issue.record("create"); return
        }
        #expect(c.verb == .create && c.ifNotExists && c.parametersText == "()" && c.bodyText == "{T | take 1}")
        guard case .createFunction(let a)? = try command(".alter function F(x:int) { x }") else {
            Issue.record("alter"); return
        }
        #expect(a.verb == .alter && a.parametersText == "(x:int)")
    }

    @Test func dropAndShowFunction() throws {
        guard case .dropFunctions(let one, false, false)? = try command(".drop function F") else {
            Issue.record("drop"); return
        }
        #expect(one.map(\.name) == ["F"])
        guard case .dropFunctions(let many, true, true)? = try command(".drop functions (F, G) ifexists") else {
            Issue.record("drops"); return
        }
        #expect(many.map(\.name) == ["F", "G"])
        guard case .showFunction(let n)? = try command(".show function F with (ShowObfuscatedStrings = true)") else {
            Issue.record("show"); return
        }
        #expect(n.name == "F")
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
