import Testing
@testable import KQLSyntax

/// Queries in the style of the ADX documentation: each must parse, and the dump shows the intended shape.
@Suite struct RealisticQueryTests {
    @Test(arguments: [
        (
            "StormEvents | where StartTime between (datetime(2007-11-01) .. datetime(2007-12-01)) and State == 'FLORIDA' | count",
            "StormEvents | where (and (between StartTime datetime(2007-11-01T00:00:00Z) datetime(2007-12-01T00:00:00Z)) (== State 'FLORIDA')) | count"
        ),
        (
            "T | summarize Count = count() by bin(Timestamp, 1h) | render timechart",
            "T | summarize Count=count() by bin(Timestamp, timespan(01:00:00)) | render timechart"
        ),
        (
            "let threshold = 5; T | where x > threshold | project-away y | order by z desc nulls last",
            "let threshold=5; T | where (> x threshold) | project-away y | sort by z desc nulls last"
        ),
        (
            "T | extend d = parse_json(s) | extend k = d.a.b, v = d['c'][0] | mv-expand d.items",
            "T | extend d=parse_json(s) | extend k=d.a.b, v=d['c'][0] | mv-expand d.items"
        ),
        (
            "T | where s !has 'x' and s !in~ ('a', 'b') and not(isempty(s))",
            "T | where (and (and (!has s 'x') (!in~ s ['a', 'b'])) not(isempty(s)))"
        ),
        (
            "T | where Timestamp > ago(7d) | summarize arg_max(Timestamp, *) by Id | top 10 by Timestamp",
            "T | where (> Timestamp ago(timespan(7.00:00:00))) | summarize arg_max(Timestamp, *) by Id | top 10 by Timestamp"
        ),
        (
            "let f = (n:long) { range x from 1 to n step 1 }; f(3) | join kind=inner (f(2)) on x",
            "let f=(n:long){range x from 1 to n step 1}; f(3) | join kind=inner (f(2)) on x"
        ),
        (
            "print x = real(nan), y = -1.5e-3, z = 0x10 * 2",
            "print x=real(NaN), y=(- real(0.0015)), z=(* 16 2)"
        ),
        (
            "T | where ['column with space'] =~ \"A\" | project ['column with space']",
            "T | where (=~ column with space 'A') | project column with space"
        ),
        (
            "union withsource=TableName T1, T2 | summarize count() by TableName",
            "union withsource=TableName T1, T2 | summarize count() by TableName"
        ),
    ])
    func parses(_ text: String, _ expected: String) throws {
        #expect(try tree(text) == expected)
    }
}
