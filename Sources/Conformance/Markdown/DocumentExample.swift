/// One runnable example of a markdown document: a ```` ```kusto ```` block, the Python block that
/// belongs to it, and the tables the document shows as its result.
public struct DocumentExample: Sendable, Equatable {
    /// The document's path as given on the command line.
    public var document: String
    /// Line of the example's opening fence.
    public var line: Int
    /// Stable id: the section heading's slug, `-`, and the example's 1-based index in that section
    /// (`example-basic-data-transformation-1`); `top-N` before the first heading.
    public var id: String
    /// The heading of the example's section ("" before the first heading).
    public var section: String
    /// The query exactly as the document shows it.
    public var query: String
    /// The ```` ```python ```` block right after the example, when the query's `python()` call has no script.
    public var inlinePython: String?
    /// The text to run: `query` with `inlinePython` spliced in (see `InlinePython`).
    public var runnableQuery: String
    /// The tables after the example, in its section, before the next example. Empty: the example must only run without error.
    public var expected: [MarkdownTable]
    /// Set when the document's example cannot be turned into a query (the reason).
    public var problem: String?

    public init(
        document: String, line: Int, id: String, section: String, query: String, inlinePython: String? = nil,
        runnableQuery: String? = nil, expected: [MarkdownTable] = [], problem: String? = nil
    ) {
        self.document = document; self.line = line; self.id = id; self.section = section; self.query = query
        self.inlinePython = inlinePython; self.runnableQuery = runnableQuery ?? query; self.expected = expected
        self.problem = problem
    }

    /// `document:line`, how the report names the example.
    public var location: String { "\(document):\(line)" }

    /// True when the example calls `python()` (it then runs once per sandbox of the matrix).
    public var usesPython: Bool { InlinePython.usesPython(runnableQuery) }
}

/// Finds the examples of a markdown document.
public enum DocumentExamples {
    /// Info strings that mark a KQL example.
    public static let kqlLanguages: Set<String> = ["kusto", "kql"]

    /// The examples of `text`, named after `document`.
    public static func extract(from text: String, document: String) -> [DocumentExample] {
        let blocks = MarkdownScanner.blocks(text)
        let lines = MarkdownScanner.splitLines(text)
        var examples: [DocumentExample] = []
        var section = ""
        var slug = "top"
        var indexInSection = 0
        var current: Int? = nil  // index into `examples` that is collecting tables
        var previousCode: (example: Int, block: CodeBlock)? = nil

        for block in blocks {
            switch block {
            case .heading(let h):
                section = h.text
                slug = h.slug.isEmpty ? "section" : h.slug
                indexInSection = 0
                current = nil
                previousCode = nil
            case .table(let t):
                if let c = current { examples[c].expected.append(t) }
                previousCode = nil
            case .code(let code):
                if code.language == "python", let prev = previousCode,
                    code.line == nextNonBlankLine(after: prev.block.endLine, in: lines)
                {
                    var ex = examples[prev.example]
                    if ex.inlinePython == nil,
                        InlinePython.calls(in: QueryText(ex.query)).contains(where: { !$0.hasScript })
                    {
                        ex.inlinePython = code.text
                        if let spliced = InlinePython.splice(code.text, into: ex.query) {
                            ex.runnableQuery = spliced
                        } else {
                            ex.problem =
                                "the Python block at line \(code.line) contains three backticks and cannot be spliced into the query"
                        }
                        examples[prev.example] = ex
                    }
                    previousCode = nil
                    continue
                }
                previousCode = nil
                guard kqlLanguages.contains(code.language) else { continue }
                indexInSection += 1
                examples.append(
                    DocumentExample(
                        document: document, line: code.line, id: "\(slug)-\(indexInSection)",
                        section: section, query: code.text))
                current = examples.count - 1
                previousCode = (examples.count - 1, code)
            }
        }
        return examples
    }

    /// The 1-based number of the first non-blank line after `line`.
    static func nextNonBlankLine(after line: Int, in lines: [String]) -> Int {
        var n = line + 1
        while n <= lines.count, lines[n - 1].trimmed.isEmpty { n += 1 }
        return n
    }
}
