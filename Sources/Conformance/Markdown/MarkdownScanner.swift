/// Splits a markdown document into headings, fenced code blocks and pipe tables.
///
/// Follows CommonMark where it matters for documents like the ADX docs: a fence opened with `~~~`
/// is closed only by `~~~` (so a `~~~kusto` block may contain ```` ``` ```` lines), a closing fence has
/// at least as many fence characters as the opening one and nothing after them, and nothing inside a
/// fence is a heading or a table. It is lenient about indentation: fences inside list items are found.
public enum MarkdownScanner {
    /// The blocks of `text`, in order.
    public static func blocks(_ text: String) -> [MarkdownBlock] {
        let lines = splitLines(text)
        var out: [MarkdownBlock] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let fence = openingFence(line) {
                var content: [String] = []
                var j = i + 1
                var closed = false
                while j < lines.count {
                    if isClosingFence(lines[j], of: fence) { closed = true; break }
                    content.append(stripIndent(lines[j], upTo: fence.indent))
                    j += 1
                }
                out.append(
                    .code(
                        CodeBlock(
                            language: fence.language, text: content.joined(separator: "\n"),
                            line: i + 1, endLine: closed ? j + 1 : lines.count)))
                i = closed ? j + 1 : j
                continue
            }
            if let heading = heading(line, lineNumber: i + 1) {
                out.append(.heading(heading))
                i += 1
                continue
            }
            if i + 1 < lines.count, line.contains("|"), isDelimiterRow(lines[i + 1]) {
                let header = MarkdownTableCells.split(line)
                var rows: [[String]] = []
                var isPrefix = false
                var j = i + 2
                while j < lines.count {
                    let row = lines[j]
                    let trimmed = row.trimmed
                    if trimmed.isEmpty { break }
                    if MarkdownTableCells.isEllipsis(trimmed) { isPrefix = true; j += 1; break }
                    guard row.contains("|") else { break }
                    let cells = MarkdownTableCells.split(row)
                    if cells.contains(where: { MarkdownTableCells.isEllipsis($0) })
                        && cells.allSatisfy({ $0.isEmpty || MarkdownTableCells.isEllipsis($0) })
                    {
                        isPrefix = true; j += 1; break
                    }
                    rows.append(cells)
                    j += 1
                }
                out.append(.table(MarkdownTable(header: header, rows: rows, isPrefix: isPrefix, line: i + 1)))
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    struct Fence {
        var character: Character
        var count: Int
        var indent: Int
        var language: String
    }

    static func splitLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }

    static func openingFence(_ line: String) -> Fence? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let count = rest.prefix { $0 == c }.count
        guard count >= 3 else { return nil }
        let info = rest.dropFirst(count).trimmed
        // A backtick fence's info string may not contain a backtick (that is inline code, not a fence).
        if c == "`", info.contains("`") { return nil }
        let language =
            info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "," }).first.map { $0.lowercased() } ?? ""
        return Fence(character: c, count: count, indent: indent, language: language)
    }

    static func isClosingFence(_ line: String, of fence: Fence) -> Bool {
        let t = line.trimmed
        return t.count >= fence.count && t.allSatisfy { $0 == fence.character }
    }

    static func stripIndent(_ line: String, upTo n: Int) -> String {
        var dropped = 0
        var s = Substring(line)
        while dropped < n, let f = s.first, f == " " || f == "\t" { s = s.dropFirst(); dropped += 1 }
        return String(s)
    }

    static func heading(_ line: String, lineNumber: Int) -> MarkdownHeading? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmed
        // Closing hashes (`## Title ##`) are decoration.
        while text.hasSuffix("#") { text.removeLast() }
        return MarkdownHeading(level: level, text: text.trimmed, line: lineNumber)
    }

    /// `|---|:--:|`, `--- | ---`: only dashes, colons, pipes and spaces, with at least one dash and one pipe or two cells.
    static func isDelimiterRow(_ line: String) -> Bool {
        let t = line.trimmed
        guard t.contains("-") else { return false }
        guard t.allSatisfy({ $0 == "-" || $0 == ":" || $0 == "|" || $0 == " " || $0 == "\t" }) else { return false }
        let cells = MarkdownTableCells.split(t)
        return !cells.isEmpty && cells.allSatisfy { $0.contains("-") } && (t.contains("|"))
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
