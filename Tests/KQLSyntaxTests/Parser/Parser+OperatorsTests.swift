import Testing
@testable import KQLSyntax

@Suite struct OperatorTests {
    @Test func filtering() throws {
        #expect(try tree("T | where a > 1 and b has 'x'") == "T | where (and (> a 1) (has b 'x'))")
        #expect(try tree("T | filter a") == "T | where a")
        #expect(try tree("T | take 5 | limit 2") == "T | take 5 | take 2")
        #expect(try tree("T | sample 10") == "T | sample 10")
        #expect(try tree("T | count") == "T | count")
        #expect(try tree("T | getschema") == "T | getschema")
    }

    @Test func projection() throws {
        #expect(try tree("T | project a, b = c + 1, ['x y'] = 2") == "T | project a, b=(+ c 1), x y=2")
        #expect(try tree("T | extend (a, b) = f(x), c = 1") == "T | extend (a, b)=f(x), c=1")
        #expect(try tree("T | project-away a*, b, *_id") == "T | project-away a*, b, *_id")
        #expect(try tree("T | project-keep x*") == "T | project-keep x*")
        #expect(try tree("T | project-rename new1 = old1, ['n 2'] = o2") == "T | project-rename new1=old1, n 2=o2")
        #expect(
            try tree("T | project-reorder c asc, a*, b granny-desc") == "T | project-reorder c asc, a*, b granny-desc")
        #expect(try tree("T | extend type = 1, kind = 2, count = 3") == "T | extend type=1, kind=2, count=3")
    }

    @Test func sorting() throws {
        #expect(try tree("T | order by a desc, b asc nulls first, c") == "T | sort by a desc, b asc nulls first, c")
        #expect(try tree("T | sort by a nulls last") == "T | sort by a nulls last")
        #expect(try tree("T | top 3 by x asc nulls last") == "T | top 3 by x asc nulls last")
        #expect(try tree("T | top 3 by strlen(s)") == "T | top 3 by strlen(s)")
    }

    @Test func summarize() throws {
        #expect(
            try tree("T | summarize count(), s = sum(x) by k, bin(t, 1h)")
                == "T | summarize count(), s=sum(x) by k, bin(t, timespan(01:00:00))")
        #expect(try tree("T | summarize by k") == "T | summarize  by k")
        #expect(
            try tree("T | summarize hint.shufflekey = k c = count() by k")
                == "T | summarize hint.shufflekey=k c=count() by k")
        #expect(try tree("T | summarize arg_max(t, *) by k") == "T | summarize arg_max(t, *) by k")
        #expect(try tree("T | distinct a, b") == "T | distinct a, b")
        #expect(try tree("T | distinct *") == "T | distinct *")
    }

    @Test func join() throws {
        #expect(
            try tree("A | join kind=leftouter (B | where x > 1) on k")
                == "A | join kind=leftouter (B | where (> x 1)) on k")
        #expect(try tree("A | join B on $left.a == $right.b, c") == "A | join (B) on $left.a==$right.b, c")
        #expect(
            try tree("A | join hint.strategy=broadcast kind=inner B on $right.b == $left.a and $left.c == $right.d")
                == "A | join hint.strategy=broadcast kind=inner (B) on $left.a==$right.b, $left.c==$right.d")
        #expect(try tree("A | lookup kind=leftouter B on k") == "A | lookup kind=leftouter (B) on k")
    }

    @Test func mvExpand() throws {
        #expect(try tree("T | mv-expand d") == "T | mv-expand d")
        #expect(
            try tree("T | mv-expand bagexpansion=array with_itemindex=i x = d to typeof(long), e limit 10")
                == "T | mv-expand bagexpansion=array with_itemindex=i x=d to long, e limit 10")
    }

    @Test func makeSeries() throws {
        let ms = try tree("T | make-series kind=nonempty a = avg(v) default = 0, count() on t from 0 to 10 step 2 by k")
        #expect(
            ms
                == "T | make-series kind=nonempty a=avg(v) default=0, count() on t from 0 to 10 step 2 by k")
        #expect(throws: KQLError.self) { try Parser.parse("T | make-series count() on t from 0") }
    }

    @Test func mvApply() throws {
        #expect(
            try tree(
                "T | mv-apply with_itemindex=i x = d to typeof(long), e limit 3 on (top 1 by x | summarize count())")
                == "T | mv-apply with_itemindex=i x=d to long, e limit 3 on (top 1 by x | summarize count())")
        #expect(throws: KQLError.self) { try Parser.parse("T | mv-apply bagexpansion=array d on (take 1)") }
    }

    @Test func parseOperator() throws {
        #expect(
            try tree(#"T | parse kind=regex flags=Ui s with * "a=" x:long @"\s" y *"#)
                == #"T | parse kind=regex flags=Ui s with * "a=" x:long "\s" y *"#)
        #expect(
            try tree(#"T | parse-where tostring(d) with "k" v | take 1"#)
                == #"T | parse-where tostring(d) with "k" v | take 1"#)
        #expect(throws: KQLError.self) { try Parser.parse(#"T | parse s with "only text""#) }
    }

    @Test func evaluateOutputSchema() throws {
        let script = try Parser.parse("T | evaluate bag_unpack(d) : (*, a:long)")
        guard case .query(.pipeline(_, let ops, _)) = script.statements[0], case .evaluate(let e) = ops[0].kind else {
            Issue.record("expected an evaluate operator"); return
        }
        #expect(e.outputSchema?.includesStar == true)
        #expect(e.outputSchema?.columns.map(\.name.name) == ["a"])
    }

    @Test func unionAndAs() throws {
        #expect(
            try tree("T | union kind=outer withsource=Src U, (V | take 1), W*")
                == "T | union kind=outer withsource=Src U, (V | take 1), W*")
        #expect(try tree("union T1, T2 | count") == "union T1, T2 | count")
        #expect(try tree("T | as hint.materialized=true X") == "T | as hint.materialized=bool(true) X")
        #expect(try tree("T | invoke f(1, 'a')") == "T | invoke f(1, 'a')")
        #expect(try tree("T | serialize") == "T | serialize")
        #expect(try tree("T | serialize rn = row_number()") == "T | serialize rn=row_number()")
    }

    @Test func render() throws {
        #expect(try tree("T | render timechart") == "T | render timechart")
        #expect(
            try tree("T | render barchart with (title='x', ymin=0, legend=hidden)")
                == "T | render barchart with(title='x', ymin=0, legend=hidden)")
    }

    @Test func evaluate() throws {
        #expect(
            try tree("T | evaluate hint.distribution = per_node bag_unpack(d)")
                == "T | evaluate hint.distribution=per_node bag_unpack(d)")
        #expect(
            try tree("evaluate python(typeof(long), 'result = df')") == "evaluate python(typeof(long), 'result = df')")
    }

    @Test func sources() throws {
        #expect(
            try tree("datatable(a:long, b:string) [1, 'x', -2, 'y',]")
                == "datatable(a:long, b:string)[1, 'x', (- 2), 'y']")
        #expect(try tree("range x from 1 to 10 step 2") == "range x from 1 to 10 step 2")
        #expect(try tree("print a = 1, 'b'") == "print a=1, 'b'")
        #expect(try tree("(T | take 1) | count") == "(T | take 1) | count")
        #expect(try tree("materialize(T) | count") == "materialize(T) | count")
    }

    @Test func spans() throws {
        let script = try Parser.parse("T | where a > 1 | take 5")
        guard case .query(.pipeline(_, let ops, let span)) = script.statements[0] else {
            Issue.record("no pipeline"); return
        }
        #expect(span == SourceSpan(0, 24))
        #expect(ops[0].keywordSpan == SourceSpan(4, 9))
        #expect(ops[0].span == SourceSpan(4, 15))
        #expect(ops[1].span == SourceSpan(18, 24))
    }
}
