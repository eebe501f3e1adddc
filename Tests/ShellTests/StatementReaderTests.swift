import Testing

@testable import Shell

/// How typed lines become queries and shell commands.
@Suite struct StatementReaderTests {
    /// Feeds `lines` and collects what they complete, then what is pending at the end.
    private func items(_ lines: [String]) throws -> [StatementReader.Item] {
        var reader = StatementReader()
        var out: [StatementReader.Item] = []
        for line in lines { if let item = try reader.add(line) { out.append(item) } }
        if let last = reader.finish() { out.append(last) }
        return out
    }

    @Test func aBlankLineEndsAMultiLineQuery() throws {
        #expect(
            try items(["StormEvents", "| where State == 'TEXAS'", "| count", "", "print 1", ""])
                == [.query("StormEvents\n| where State == 'TEXAS'\n| count"), .query("print 1")])
    }

    @Test func aSemicolonEndsAQueryAndIsDropped() throws {
        #expect(try items(["print 1;", "print 2 ;  "]) == [.query("print 1"), .query("print 2")])
    }

    @Test func aLetStatementEndingInSemicolonLeadsOn() throws {
        #expect(
            try items(["let n = 3;", "range x from 1 to n step 1;"])
                == [.query("let n = 3;\nrange x from 1 to n step 1")])
        #expect(try items(["set notruncation;", "print 1", ""]) == [.query("set notruncation;\nprint 1")])
    }

    @Test func shellCommandsAreOneLineAndOnlyAtTheStart() throws {
        #expect(try items([".timer on", "print 1;"]) == [.command(.timer(true)), .query("print 1")])
        // Inside a query a dot line is KQL (a management command spans lines too).
        #expect(try items(["print 1", ".quit", ""]) == [.query("print 1\n.quit")])
    }

    @Test func managementCommandsAreKQL() throws {
        #expect(try items([".show tables", ""]) == [.query(".show tables")])
        #expect(try items([".create table T (x:long);"]) == [.query(".create table T (x:long)")])
    }

    @Test func theEndOfInputRunsWhatIsPending() throws {
        #expect(try items(["print 1"]) == [.query("print 1")])
        #expect(try items(["", "  "]) == [])
    }
}
