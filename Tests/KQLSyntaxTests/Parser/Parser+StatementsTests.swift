import Testing
@testable import KQLSyntax

@Suite struct StatementTests {
    @Test func lets() throws {
        #expect(try tree("let x = 1; print x") == "let x=1; print x")
        #expect(try tree("let T2 = T | where a > 1; T2") == "let T2=T | where (> a 1); T2")
        #expect(
            try tree("let ['my table'] = datatable(a:long)[1]; ['my table']")
                == "let my table=datatable(a:long)[1]; my table")
        #expect(try tree("let m = materialize(T | take 5);") == "let m=materialize(T | take 5)")
    }

    @Test func functions() throws {
        #expect(
            try tree("let f = (T:(*), k:int = 3) { let y = 2; T | take k }")
                == "let f=(T:(*), k:int=3){let y=2; T | take k}")
        #expect(try tree("let g = () { 42 };") == "let g=(){42}")
        #expect(
            try tree("let h = (x:long, s:string = 'a') { strcat(s, x) }; print h(1)")
                == "let h=(x:long, s:string='a'){strcat(s, x)}; print h(1)")
        #expect(try tree("let f = (T:(a:long, *)) { T | project a }") == "let f=(T:(*, a:long)){T | project a}")
        #expect(try tree("let v = view () { range x from 1 to 2 step 1 }") == "let v=(){range x from 1 to 2 step 1}")
    }

    @Test func letValueIsParenthesizedExpression() throws {
        #expect(try tree("let x = (1 + 2) * 3") == "let x=(* ((+ 1 2)) 3)")
    }

    @Test func setAndDeclare() throws {
        #expect(try tree("set query_python_debug; T") == "set query_python_debug; T")
        #expect(try tree("set truncationmaxrecords = 100; T") == "set truncationmaxrecords=100; T")
        #expect(try tree("set hint.x = true") == "set hint.x=bool(true)")
        #expect(
            try tree("declare query_parameters(n:long = 5, s:string); T | take n")
                == "declare(n:long=5, s:string); T | take n")
    }

    @Test func severalStatements() throws {
        let script = try Parser.parse("print a = 1;\n\nprint b = 2;;\n")
        #expect(script.statements.count == 2)
        #expect(try tree("T | limit 0; // no output\n\nU | count") == "T | take 0; U | count")
    }

    @Test func emptyText() throws {
        #expect(try Parser.parse("").statements.isEmpty)
        #expect(try Parser.parse("  // only a comment\n").statements.isEmpty)
    }
}
