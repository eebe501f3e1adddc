import Testing

@testable import Shell

/// What Tab offers in each place of a statement.
@Suite struct ShellCompletionTests {
    let completion = ShellCompletion(
        tables: ["StormEvents", "Sales"],
        columns: ["StormEvents": ["State", "StartTime", "EventType"], "Sales": ["Amount", "SaleDate"]],
        storedFunctions: ["StormsIn"])

    @Test func operatorsAfterAPipe() {
        let found = completion.candidates(for: "su", before: "StormEvents | ")
        #expect(found.contains("summarize"))
        #expect(!found.contains("StormEvents"))
        #expect(completion.candidates(for: "mv-", before: "T\n| ").contains("mv-expand"))
    }

    @Test func tablesAndTheirColumnsElsewhere() {
        #expect(completion.candidates(for: "Sto", before: "") == ["StormEvents", "StormsIn"])
        // Columns of the tables the statement names, not of the others.
        #expect(completion.candidates(for: "Sta", before: "StormEvents | where ") == ["StartTime", "State"])
        #expect(completion.candidates(for: "Sa", before: "StormEvents | where ") == ["Sales"])
        #expect(completion.candidates(for: "Sa", before: "Sales | where ") == ["SaleDate", "Sales"])
    }

    @Test func functionsFromTheRegistry() {
        let found = completion.candidates(for: "strc", before: "print ")
        #expect(found.contains("strcat"))
        #expect(completion.candidates(for: "dcount_", before: "T | summarize ").contains("dcount_hll"))
    }

    @Test func anotherCaseWhenNothingMatchesAsTyped() {
        #expect(completion.candidates(for: "stormev", before: "") == ["StormEvents"])
    }

    @Test func shellCommandsAtTheStartOfALine() {
        #expect(completion.candidates(for: ".ti", before: "") == [".timer"])
    }
}
