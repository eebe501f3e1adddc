/// Joins a document's ```` ```python ```` block to the `python()` call of the example before it.
///
/// The seed document writes `T | python()` and puts the script in the next code block. The parser
/// accepts the script as a string between lines of three backticks right after the call, so the
/// runner produces exactly that: `python()` + "\n```\n" + code + "\n```". For the `evaluate python(schema)`
/// form the code becomes the script argument after the output schema.
public enum InlinePython {
    /// A `python(...)` call found in query text.
    public struct Call: Sendable, Equatable {
        /// Index of the `(` and of its `)` in the query's characters.
        public var open: Int
        public var close: Int
        /// True for `evaluate python(...)`; false for the seed's `| python(...)`.
        public var isEvaluate: Bool
        /// True when the call already has its script (a `script=` argument or a string argument in script position).
        public var hasScript: Bool
        /// Top-level argument ranges inside the parentheses.
        public var arguments: [Range<Int>]
    }

    /// Every `python(` call in the query, in order.
    public static func calls(in query: QueryText) -> [Call] {
        var out: [Call] = []
        for start in query.occurrences(of: "python") {
            var i = start + "python".count
            while i < query.characters.count, query.characters[i] == " " || query.characters[i] == "\t" { i += 1 }
            guard i < query.characters.count, query.characters[i] == "(", query.isCode[i],
                let close = query.matchingClose(i)
            else { continue }
            let args = query.split(",", in: (i + 1)..<close).filter {
                query.hasCode($0) || !query.text($0).trimmed.isEmpty
            }
            let isEvaluate =
                precedingWord(query, before: start) == "evaluate" || segmentStartsWithEvaluate(query, start)
            let named = args.filter { isNamed(query, $0) }
            let positional = args.filter { !isNamed(query, $0) }
            let hasScript: Bool
            if isEvaluate {
                hasScript = positional.count >= 2 || named.contains { query.firstWord($0) == "script" }
            } else {
                hasScript =
                    named.contains { query.firstWord($0) == "script" }
                    || positional.contains { r in startsWithString(query, r) }
            }
            out.append(Call(open: i, close: close, isEvaluate: isEvaluate, hasScript: hasScript, arguments: args))
        }
        return out
    }

    /// True when the query has a `python(...)` call (the example needs a sandbox).
    public static func usesPython(_ query: String) -> Bool { !calls(in: QueryText(query)).isEmpty }

    /// The query with `code` spliced in as the script of its last `python()` call that has none, or nil
    /// when there is no such call. Fails (returns nil) when the code itself contains three backticks,
    /// which cannot be written inside a backtick literal.
    public static func splice(_ code: String, into query: String) -> String? {
        let text = QueryText(query)
        guard let call = calls(in: text).last(where: { !$0.hasScript }) else { return nil }
        let body = dedent(code)
        guard !body.contains("```") else { return nil }
        let literal = "```\n" + body + "\n```"
        var chars = text.characters
        if call.isEvaluate {
            if let schema = call.arguments.first(where: { !isNamed(text, $0) }) {
                chars.insert(contentsOf: Array(", " + literal), at: schema.upperBound)
            } else {
                chars.insert(contentsOf: Array(literal), at: call.open + 1)
            }
        } else {
            chars.insert(contentsOf: Array("\n" + literal), at: call.close + 1)
        }
        return String(chars)
    }

    /// Removes the indentation every non-blank line shares (a block indented inside a list item).
    public static func dedent(_ code: String) -> String {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.trimmed.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.trimmed.isEmpty ? "" : String($0.dropFirst(common)) }.joined(separator: "\n")
    }

    static func isNamed(_ q: QueryText, _ r: Range<Int>) -> Bool {
        // `name = value` at the top level of the argument (not `==`).
        var i = r.lowerBound
        while i < r.upperBound, q.characters[i].isWhitespace { i += 1 }
        var sawName = false
        while i < r.upperBound, q.isCode[i], QueryText.isIdentifierPart(q.characters[i]) || q.characters[i] == "." {
            i += 1; sawName = true
        }
        while i < r.upperBound, q.characters[i] == " " || q.characters[i] == "\t" || q.characters[i] == "\n" { i += 1 }
        return sawName && i < r.upperBound && q.characters[i] == "="
            && (i + 1 >= r.upperBound || q.characters[i + 1] != "=")
    }

    static func startsWithString(_ q: QueryText, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, q.isCode[i], q.characters[i].isWhitespace { i += 1 }
        return i < r.upperBound && !q.isCode[i] && !q.isComment(at: i)
    }

    static func precedingWord(_ q: QueryText, before index: Int) -> String {
        var i = index - 1
        while i >= 0, q.characters[i].isWhitespace { i -= 1 }
        var word: [Character] = []
        while i >= 0, QueryText.isIdentifierPart(q.characters[i]) { word.insert(q.characters[i], at: 0); i -= 1 }
        return String(word).lowercased()
    }

    static func segmentStartsWithEvaluate(_ q: QueryText, _ index: Int) -> Bool {
        for statement in q.split(";") where statement.contains(index) {
            for stage in q.split("|", in: statement) where stage.contains(index) {
                return q.firstWord(stage) == "evaluate"
            }
        }
        return false
    }
}
