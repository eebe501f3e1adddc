import Testing
@testable import Conformance

@Suite struct RowOrderTests {
    @Test(arguments: [
        ("T | sort by x", true), ("T | order by x asc | project x", true), ("T | top 3 by x | extend y = 1", true),
        ("T | serialize | extend r = row_number()", true), ("range x from 1 to 3 step 1", true),
        ("print a = 1", true), ("datatable(a:long)[1, 2] | where a > 0", true),
        ("T | summarize count() by x", false), ("T | sort by x | summarize count() by x", false), ("T", false),
        ("T | join (U | sort by y) on k", false), ("T | where s == 'a | sort by x'", false),
        ("range x from 1 to 3 step 1 | python()\n```\nresult = df\n```", true),
        ("T | sort by x | evaluate bag_unpack(d)", false),
    ])
    func lastOperatorDecides(_ query: String, _ ordered: Bool) {
        #expect(RowOrder.orderedResults(query) == [ordered])
    }

    @Test func eachStatementHasItsOwnOrderAndLetsAreFollowed() {
        let q =
            "let data = range x from 1 to 100 step 1;\nlet t = Events | take 5;\ndata | python(); t; print 1 // done"
        #expect(RowOrder.orderedResults(q) == [true, false, true])
    }

    @Test func setAndCommentsProduceNoResult() {
        #expect(RowOrder.orderedResults("set query_python_debug;\n// only a comment\n;T | sort by a") == [true])
    }
}
