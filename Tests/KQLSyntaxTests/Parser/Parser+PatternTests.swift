import Testing
@testable import KQLSyntax

/// `declare pattern`, `alias database` and the `cluster(...).database(...)` chains they use.
@Suite struct PatternStatementTests {
    @Test func patterns() throws {
        #expect(try tree("declare pattern P; P('a')") == "pattern P; P('a')")
        #expect(
            try tree(
                """
                declare pattern country = (name:string)[state:string]
                { ("USA").["New York"] = { print c = 1 }; ("Canada").Alberta = { print c = 2 }; };
                country("Canada").Alberta
                """) == "pattern country=(name)[state]{(USA).[New York]={print c=1}; (Canada).[Alberta]={print c=2}}; "
                + "country('Canada').Alberta")
        #expect(
            try tree("declare pattern p = (a:string, b:string) { ('x', 'y') = { T } }")
                == "pattern p=(a, b){(x, y)={T}}")
    }

    @Test func patternErrors() throws {
        #expect(throws: KQLError.self) { try Parser.parse("declare pattern p = (a:long) { ('x') = { T } }") }
        #expect(throws: KQLError.self) { try Parser.parse("declare pattern p = (a:string) { ('x', 'y') = { T } }") }
        #expect(throws: KQLError.self) {
            try Parser.parse("declare pattern p = (a:string)[b:string] { ('x') = { T } }")
        }
        #expect(throws: KQLError.self) { try Parser.parse("declare pattern p = (a:string) { ('x') = { T }") }
    }

    @Test func aliasAndChains() throws {
        #expect(
            try tree("alias database d = cluster('c').database('db'); database('d').T")
                == "alias d=database('db', $cluster=cluster('c')); database('d').T")
        #expect(
            try tree("cluster('c').database('db').F(1) | count")
                == "F(1, $database=database('db', $cluster=cluster('c'))) | count")
        #expect(
            try tree("union database('a').T, cluster('c').database('b').U")
                == "union database('a').T, database('b', $cluster=cluster('c')).U")
        #expect(
            try tree("T | join kind=inner database('a').U on x")
                == "T | join kind=inner (database('a').U) on x")
    }

    @Test func macroExpand() throws {
        #expect(
            try tree("macro-expand kind=inner entity_group [cluster('c').database('d'), T] as X (X.T | count) | count")
                == "macro-expand kind=inner entity_group[database('d', $cluster=cluster('c')), T] as X (X.T | count) | count"
        )
        #expect(
            try tree("let G = entity_group [database('d')]; macro-expand X in G (let a = 1; X.T)")
                == "let G=entity_group(database('d')); macro-expand G as X (let a=1; X.T)")
        #expect(
            try tree("macro-expand G as X (print d = X.$current_database)")
                == "macro-expand G as X (print d=X.$current_database)")
    }
}
