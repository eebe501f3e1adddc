import Testing
@testable import Conformance

@Suite struct MarkdownScannerTests {
    @Test func tildeFenceKeepsBacktickLinesInside() {
        let doc = """
            # Title
            ~~~kusto
            range x from 1 to 2 step 1
            | evaluate python(typeof(*), ```
            result = df
            ```)
            ~~~
            """
        let blocks = MarkdownScanner.blocks(doc)
        #expect(blocks.count == 2)
        guard case .code(let c) = blocks[1] else { Issue.record("expected a code block"); return }
        #expect(c.language == "kusto")
        #expect(c.line == 2)
        #expect(c.endLine == 7)
        #expect(c.text.contains("result = df"))
        #expect(c.text.hasSuffix("```)"))
    }

    @Test func indentedFenceInsideAListLosesItsIndentation() {
        let doc = "1. Step\n\n    ```kusto\n    print x = 1\n    ```\n"
        guard case .code(let c)? = MarkdownScanner.blocks(doc).first else { Issue.record("no code block"); return }
        #expect(c.text == "print x = 1")
    }

    @Test func unclosedFenceRunsToTheEnd() {
        let blocks = MarkdownScanner.blocks("```kql\nprint 1\n| take 1")
        guard case .code(let c)? = blocks.first else { Issue.record("no code block"); return }
        #expect(c.text == "print 1\n| take 1")
    }

    @Test func headingsInsideFencesAreNotHeadings() {
        let blocks = MarkdownScanner.blocks("```python\n# a comment\n```\n## Real\n")
        #expect(blocks.count == 2)
        if case .heading(let h) = blocks[1] {
            #expect(h.text == "Real"); #expect(h.level == 2)
        } else {
            Issue.record("no heading")
        }
    }

    @Test func slugsFollowGitHub() {
        #expect(
            MarkdownHeading(level: 2, text: "Example: Machine Learning with Scikit-learn", line: 1).slug
                == "example-machine-learning-with-scikit-learn")
        #expect(MarkdownHeading(level: 2, text: "typeof(*, col:type)", line: 1).slug == "typeof-coltype")
    }

    @Test func tableWithEscapedPipeAndCodeSpans() {
        let doc = "| a | b |\n|---|:--:|\n| `x` | p\\|q |\n| **2** |  |\n"
        guard case .table(let t)? = MarkdownScanner.blocks(doc).first else { Issue.record("no table"); return }
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [["x", "p|q"], ["2", ""]])
        #expect(!t.isPrefix)
    }

    @Test(arguments: ["| ... | ... |", "| … |", "...", "|...|"])
    func ellipsisRowMarksAPrefix(_ last: String) {
        let doc = "| a |\n|---|\n| 1 |\n\(last)\n"
        guard case .table(let t)? = MarkdownScanner.blocks(doc).first else { Issue.record("no table"); return }
        #expect(t.rows == [["1"]])
        #expect(t.isPrefix)
    }

    @Test func tableWithoutOuterPipes() {
        guard case .table(let t)? = MarkdownScanner.blocks("a | b\n--- | ---\n1 | 2\n").first else {
            Issue.record("no table"); return
        }
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [["1", "2"]])
    }

    @Test func aPipeInProseIsNotATable() {
        #expect(MarkdownScanner.blocks("use a | b here\nand more text\n").isEmpty)
    }
}
