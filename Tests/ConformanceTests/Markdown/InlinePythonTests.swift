import Testing
@testable import Conformance

@Suite struct InlinePythonTests {
    @Test func seedFormGetsTheCodeAfterTheCall() {
        let q = "let d = range x from 1 to 3 step 1;\nd\n| python()\n| where x > 1"
        #expect(
            InlinePython.splice("result = df", into: q)
                == "let d = range x from 1 to 3 step 1;\nd\n| python()\n```\nresult = df\n```\n| where x > 1")
    }

    @Test func evaluateFormGetsTheCodeAfterTheSchema() {
        let q = "range x from 1 to 3 step 1 | evaluate python(typeof(*, y:long))"
        #expect(
            InlinePython.splice("result = df", into: q)
                == "range x from 1 to 3 step 1 | evaluate python(typeof(*, y:long), ```\nresult = df\n```)")
    }

    @Test func scriptsAreRecognized() {
        #expect(InlinePython.calls(in: QueryText("T | python(script=r'''x''')")).first?.hasScript == true)
        #expect(InlinePython.calls(in: QueryText("T | python(kickout=1)")).first?.hasScript == false)
        #expect(
            InlinePython.calls(in: QueryText("T | evaluate python(typeof(*), 'result=df')")).first?.hasScript == true)
        #expect(
            InlinePython.calls(in: QueryText("T | evaluate hint.distribution=per_node python(typeof(*))")).first?
                .isEvaluate == true)
        #expect(InlinePython.calls(in: QueryText("print 'python(' ")).isEmpty)
        #expect(InlinePython.calls(in: QueryText("T | extend python_x = 1")).isEmpty)
    }

    @Test func codeIsDedentedAndBackticksRefused() {
        #expect(InlinePython.dedent("    a = 1\n\n    if a:\n        b = 2") == "a = 1\n\nif a:\n    b = 2")
        #expect(InlinePython.splice("s = '```'", into: "T | python()") == nil)
    }

    @Test func statementsIgnoreSeparatorsInStringsAndComments() {
        let q = QueryText("print a = 'x;y' // c; d\n; print b = \"|\" | project b")
        #expect(q.statements.count == 2)
        let second = q.statements[1]
        #expect(q.split("|", in: second).count == 2)
    }
}

@Suite struct QueryTextTests {
    @Test func rawVerbatimAndTripleQuotedStringsAreMasked() {
        let q = QueryText("T | python(script=r'''a | b; c''') | where s == @'x\\' | print ```;|```; print 1")
        #expect(q.statements.count == 2)
        #expect(q.split("|", in: q.statements[0]).count == 4)
    }

    @Test func firstWordKeepsHyphensAndCommandDots() {
        let q = QueryText(".show tables; T | project-away a")
        #expect(q.firstWord(q.statements[0]) == ".show")
        #expect(q.firstWord(q.split("|", in: q.statements[1])[1]) == "project-away")
    }
}
