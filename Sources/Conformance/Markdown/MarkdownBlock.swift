/// A piece of a markdown document the runner cares about, in document order.
///
/// Prose is dropped: only headings (which delimit sections), fenced code blocks (examples and
/// inline Python) and pipe tables (expected results) matter.
public enum MarkdownBlock: Sendable, Equatable {
    case heading(MarkdownHeading)
    case code(CodeBlock)
    case table(MarkdownTable)

    /// 1-based line where the block starts.
    public var line: Int {
        switch self {
        case .heading(let h): return h.line
        case .code(let c): return c.line
        case .table(let t): return t.line
        }
    }
}

/// An ATX heading (`## Title`).
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var line: Int
    public init(level: Int, text: String, line: Int) { self.level = level; self.text = text; self.line = line }

    /// GitHub-style anchor: lower case, spaces to `-`, punctuation other than `-` and `_` dropped.
    public var slug: String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " {
                out.append("-")
            }
        }
        return out
    }
}

/// A fenced code block (```` ``` ```` or `~~~`).
public struct CodeBlock: Sendable, Equatable {
    /// First word of the info string, lower-cased (`kusto`, `kql`, `python`, or empty).
    public var language: String
    /// The content, without the fences and without the fence's own indentation.
    public var text: String
    /// Line of the opening fence.
    public var line: Int
    /// Line of the closing fence (the last line of the document when the fence is never closed).
    public var endLine: Int
    public init(language: String, text: String, line: Int, endLine: Int) {
        self.language = language; self.text = text; self.line = line; self.endLine = endLine
    }
}

/// A pipe table: header cells, body rows, and whether the document marks it as a prefix of a longer result.
public struct MarkdownTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// True when the table ends with an ellipsis row (`...` or `…`): the document shows only the first rows.
    public var isPrefix: Bool
    /// Line of the header row.
    public var line: Int
    public init(header: [String], rows: [[String]], isPrefix: Bool = false, line: Int) {
        self.header = header; self.rows = rows; self.isPrefix = isPrefix; self.line = line
    }
}
