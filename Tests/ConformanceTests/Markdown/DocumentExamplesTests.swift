import Foundation
import Testing
@testable import Conformance

@Suite struct DocumentExamplesTests {
    /// The seed document, found relative to this file (Tests/ConformanceTests/Markdown → the package root).
    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("conformance/seed/000_6736e6bdba3218ce.txt").path

    @Test func seedDocumentHasFourExamples() throws {
        let text = try String(contentsOfFile: Self.seedPath, encoding: .utf8)
        let examples = DocumentExamples.extract(from: text, document: "seed.txt")
        #expect(
            examples.map(\.id) == [
                "syntax-1", "example-basic-data-transformation-1",
                "example-time-series-analysis-with-pandas-1", "example-machine-learning-with-scikit-learn-1",
            ])
        // The python blocks of "Input Schema" and "Returning Results" stand alone: they belong to no example.
        #expect(examples[1].inlinePython?.contains("result[\"x2\"]") == true)
        #expect(
            examples[1].runnableQuery.hasSuffix(
                "| python()\n```\nresult = df\nresult[\"x2\"] = df[\"x\"] * 2\nresult[\"x3\"] = df[\"x\"] * 3\n```"))
        #expect(examples[2].inlinePython?.contains("resample") == true)
        #expect(examples[3].inlinePython == nil)
        #expect(examples.allSatisfy { $0.expected.isEmpty })
        #expect(examples.allSatisfy { $0.usesPython })
    }

    @Test func tablesBelongToTheExampleBeforeThemInTheirSection() {
        let doc = """
            ## One
            ```kusto
            print x = 1
            ```
            Output:

            | x |
            |---|
            | 1 |

            ```kusto
            print y = 2
            ```
            ## Two
            | z |
            |---|
            | 3 |
            """
        let ex = DocumentExamples.extract(from: doc, document: "d.md")
        #expect(ex.count == 2)
        #expect(ex[0].expected.count == 1)
        #expect(ex[0].expected.first?.rows == [["1"]])
        #expect(ex[1].expected.isEmpty)  // the table under "Two" is in another section
        #expect(ex[0].id == "one-1")
        #expect(ex[1].id == "one-2")
        #expect(ex[1].line == 11)
    }

    @Test func pythonBlockAfterProseIsNotInlineCode() {
        let doc = "```kusto\nT | python()\n```\nSome prose.\n```python\nresult = df\n```\n"
        let ex = DocumentExamples.extract(from: doc, document: "d.md")
        #expect(ex.first?.inlinePython == nil)
    }

    @Test func pythonBlockAfterACallWithAScriptIsNotSpliced() {
        let doc = "```kusto\nT | python(script='result = df')\n```\n```python\nprint(1)\n```\n"
        let ex = DocumentExamples.extract(from: doc, document: "d.md")
        #expect(ex.first?.inlinePython == nil)
        #expect(ex.first?.runnableQuery == "T | python(script='result = df')")
    }

    @Test func kqlAndTildeFencesAreExamples() {
        let doc = "```kql\nprint 1\n```\n~~~kusto\nprint 2\n~~~\n```sql\nselect 1\n```\n"
        #expect(DocumentExamples.extract(from: doc, document: "d.md").map(\.query) == ["print 1", "print 2"])
    }
}
