/// Just enough lexing of KQL text to find statements, pipe stages and `python(...)` calls without
/// the parser: string literals and comments are masked so that `;`, `|` and brackets inside them
/// are not mistaken for structure.
///
/// The runner uses this on text it has not parsed (a document's examples), so it never fails: text
/// it cannot make sense of simply yields fewer structures.
public struct QueryText: Sendable {
    /// The query's characters.
    public let characters: [Character]
    /// Same length as `characters`: true where the character is code (not inside a string or comment).
    public let isCode: [Bool]

    public init(_ text: String) {
        let chars = Array(text)
        var code = [Bool](repeating: true, count: chars.count)
        var i = 0
        func at(_ k: Int) -> Character? { k >= 0 && k < chars.count ? chars[k] : nil }
        func mask(_ from: Int, _ to: Int) { for k in from..<min(to, chars.count) { code[k] = false } }
        while i < chars.count {
            let c = chars[i]
            if c == "/", at(i + 1) == "/" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                mask(i, j); i = j; continue
            }
            if c == "`", at(i + 1) == "`", at(i + 2) == "`" {
                let end = QueryText.find(["`", "`", "`"], in: chars, from: i + 3) ?? chars.count
                mask(i, end + 3); i = end + 3; continue
            }
            let prefixed = QueryText.isIdentifierPart(at(i - 1) ?? " ") == false
            if prefixed, (c == "r" || c == "R"), let q = at(i + 1), q == "'" || q == "\"", at(i + 2) == q,
                at(i + 3) == q
            {
                let end = QueryText.find([q, q, q], in: chars, from: i + 4) ?? chars.count
                mask(i, end + 3); i = end + 3; continue
            }
            var start = i
            var verbatim = false
            if prefixed, c == "@" || c == "h" || c == "H" || c == "r" || c == "R" {
                var k = i + 1
                if (c == "h" || c == "H"), at(k) == "@" { k += 1 }
                if let q = at(k), q == "'" || q == "\"" {
                    verbatim = c == "@" || at(k - 1) == "@" || c == "r" || c == "R"
                    start = i; i = k
                }
            }
            if let q = at(i), q == "'" || q == "\"", i >= start {
                var j = i + 1
                while j < chars.count {
                    if !verbatim, chars[j] == "\\" { j += 2; continue }
                    if chars[j] == q {
                        if verbatim, at(j + 1) == q { j += 2; continue }
                        break
                    }
                    if chars[j] == "\n" { break }
                    j += 1
                }
                mask(start, j + 1); i = j + 1; continue
            }
            i += 1
        }
        characters = chars
        isCode = code
    }

    static func find(_ needle: [Character], in chars: [Character], from: Int) -> Int? {
        guard needle.count <= chars.count else { return nil }
        var i = from
        while i + needle.count <= chars.count {
            if Array(chars[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    static func isIdentifierPart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The text of a range of characters.
    public func text(_ range: Range<Int>) -> String { String(characters[range]) }

    /// Ranges of the pieces separated by `separator` outside strings, comments and brackets.
    public func split(_ separator: Character, in range: Range<Int>? = nil) -> [Range<Int>] {
        let r = range ?? 0..<characters.count
        var out: [Range<Int>] = []
        var depth = 0
        var start = r.lowerBound
        for i in r where isCode[i] {
            switch characters[i] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            case separator where depth == 0:
                out.append(start..<i); start = i + 1
            default: break
            }
        }
        out.append(start..<r.upperBound)
        return out
    }

    /// The statements (`;`-separated), with comment-only and empty pieces dropped.
    public var statements: [Range<Int>] {
        split(";").filter { hasCode($0) }
    }

    /// True when the range holds anything but whitespace, strings aside (a statement made of comments has none).
    public func hasCode(_ r: Range<Int>) -> Bool {
        r.contains { (isCode[$0] && !characters[$0].isWhitespace) || (!isCode[$0] && !isComment(at: $0)) }
    }

    func isComment(at i: Int) -> Bool {
        // Walk back to the start of the masked run: a comment run starts with `//`.
        var k = i
        while k > 0, !isCode[k - 1] { k -= 1 }
        return characters[k] == "/" && k + 1 < characters.count && characters[k + 1] == "/"
    }

    /// The first word of a range's code, lower-cased, with `-` kept (`project-away`, `mv-expand`) and a leading `.` kept for commands.
    public func firstWord(_ r: Range<Int>) -> String {
        var i = r.lowerBound
        while i < r.upperBound, !isCode[i] || characters[i].isWhitespace { i += 1 }
        var word = ""
        while i < r.upperBound, isCode[i] {
            let c = characters[i]
            if QueryText.isIdentifierPart(c) || c == "-" || (word.isEmpty && c == ".") {
                word.append(c); i += 1
            } else {
                break
            }
        }
        return word.lowercased()
    }

    /// The index of the bracket that closes the one at `open`, or nil.
    public func matchingClose(_ open: Int) -> Int? {
        var depth = 0
        for i in open..<characters.count where isCode[i] {
            switch characters[i] {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
        }
        return nil
    }

    /// Positions of the word `word` (case-insensitive) in code, at identifier boundaries.
    public func occurrences(of word: String) -> [Int] {
        let w = Array(word.lowercased())
        var out: [Int] = []
        var i = 0
        while i + w.count <= characters.count {
            if isCode[i], String(characters[i..<(i + w.count)]).lowercased() == String(w),
                i == 0 || !QueryText.isIdentifierPart(characters[i - 1]),
                i + w.count == characters.count || !QueryText.isIdentifierPart(characters[i + w.count])
            {
                out.append(i)
            }
            i += 1
        }
        return out
    }
}
