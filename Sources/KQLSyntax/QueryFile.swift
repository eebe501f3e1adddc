/// A `.kql` file of several queries, as Kusto Explorer and the ADX web UI read one: a blank line (only
/// whitespace) ends a query, unless it is inside a multi-line string (```` ``` ```` ... ```` ``` ````).
/// A query of nothing but comments is no query.
public enum QueryFile {
    /// One query of the file: its text, padded with the newlines before it so that positions in errors
    /// (line:column) are the file's, and the line it starts on.
    public struct Query: Sendable, Equatable {
        public var text: String
        public var line: Int
        public init(text: String, line: Int) { self.text = text; self.line = line }
    }

    /// The file's queries in order.
    public static func split(_ text: String) -> [Query] {
        var queries: [Query] = []
        var current: [Substring] = [], firstLine = 0
        var inFence = false
        // `\r\n` is one Character in Swift, and a newline like `\n`.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func flush() {
            let body = current.joined(separator: "\n")
            if hasCode(body) {
                queries.append(Query(text: String(repeating: "\n", count: firstLine) + body, line: firstLine + 1))
            }
            current = []
        }
        for (i, line) in lines.enumerated() {
            if !inFence, line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                continue
            }
            if current.isEmpty { firstLine = i }
            current.append(line)
            // A fence opens or closes a multi-line string; an odd count on a line leaves it toggled.
            // Inside a fence only another fence counts (the script's quotes are its own).
            let fences = inFence ? line.components(separatedBy: "```").count - 1 : fenceCount(line)
            if fences % 2 == 1 { inFence.toggle() }
        }
        flush()
        return queries
    }

    /// How many ```` ``` ```` fences a line holds outside `//` comments and ordinary quoted strings.
    private static func fenceCount(_ line: Substring) -> Int {
        var count = 0
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == "\\" { i = line.index(after: i); if i < line.endIndex { i = line.index(after: i) }; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "/", line[line.index(after: i)...].hasPrefix("/") {
                break
            } else if line[i...].hasPrefix("```") {
                count += 1
                i = line.index(i, offsetBy: 3)
                continue
            }
            i = line.index(after: i)
        }
        return count
    }

    /// True when the text holds something besides whitespace and `//` comments.
    private static func hasCode(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let t = line.drop { $0 == " " || $0 == "\t" }
            return !t.isEmpty && !t.hasPrefix("//")
        }
    }
}
