import Testing
@testable import KQLSyntax

/// Bad input never crashes the parser: every prefix of valid queries either parses or fails with a located error.
@Suite struct RobustnessTests {
    static let queries = [
        "let f = (T:(*), k:int = 3) { let y = 2; T | take k }; f(datatable(a:long)[1, 2]) | project-away a*",
        "T | where s !in~ ('a', \"b\") and x between (1 .. 2) | summarize c = count() by bin(t, 1h) | order by c desc nulls last",
        "T | python(kickout=1, script=r'''\nresult = df\n''')\n```python\nx = 1\n```",
        ".ingest inline into table T with (format='csv') <|\n1,'a\n",
        "print d = dynamic({\"a\": [1, datetime(2024-01-01), -2.5, 'x']}), g = guid(74be27de-1e4e-49d9-b579-fe0b331d3642)",
        "A | join kind=inner (B | where x > 1) on $left.a == $right.b | mv-expand with_itemindex=i d to typeof(long) limit 5",
        ".create-or-alter function with (folder='x') F(a:long) { range x from 1 to a step 1 }",
        "T | project-reorder a granny-asc, ['b c'] desc | render barchart with (title=@'x\\y')",
    ]

    @Test(arguments: queries)
    func everyPrefixParsesOrFailsCleanly(_ query: String) {
        let bytes = Array(query.utf8)
        for n in 0...bytes.count {
            guard let prefix = String(validating: bytes[0..<n], as: UTF8.self) else { continue }
            do {
                _ = try Parser.parse(prefix)
            } catch {
                #expect(error.code == .parse || error.code == .unsupported, "\(prefix)")
                #expect(error.source != nil && error.span != nil, "\(prefix)")
            }
        }
    }
}
