/// Decides, from a query's text, whether the rows of each of its results come in a defined order.
///
/// A result is ordered when, walking back from its statement's last pipe stage over stages that keep
/// row order (`project*`, `extend`, `where`, `take`, `render`, `python`, ...), one reaches a stage that
/// orders rows (`sort`, `order`, `top`, `serialize`) or a source that emits rows in a fixed order
/// (`range`, `print`, `datatable`, or a `let` name bound to such a pipeline). Anything else
/// (`summarize`, `join`, a table, `union`, ...) leaves the order undefined, and rows are compared as a multiset.
public enum RowOrder {
    static let ordering: Set<String> = ["sort", "order", "top", "serialize"]
    static let keepsOrder: Set<String> = [
        "project", "project-away", "project-keep", "project-rename", "project-reorder", "extend", "where", "filter",
        "take", "limit", "render", "as", "parse", "parse-where", "parse-kv", "mv-expand", "evaluate", "python",
        "invoke", "sample", "extract",
    ]
    static let orderedSources: Set<String> = ["range", "print", "datatable"]

    /// For each result-producing statement of `query`, in order: whether its rows are ordered.
    public static func orderedResults(_ query: String) -> [Bool] {
        let text = QueryText(query)
        var lets: [String: Range<Int>] = [:]
        var out: [Bool] = []
        for statement in text.statements {
            let word = text.firstWord(statement)
            switch word {
            case "let":
                if let (name, body) = letBinding(text, statement) { lets[name] = body }
            case "set", "declare", "alias", "restrict", "pattern":
                continue
            default:
                out.append(isOrdered(text, statement, lets: lets, depth: 0))
            }
        }
        return out
    }

    /// Whether the pipeline in `range` yields ordered rows.
    static func isOrdered(_ text: QueryText, _ range: Range<Int>, lets: [String: Range<Int>], depth: Int) -> Bool {
        let stages = text.split("|", in: range)
        for (index, stage) in stages.enumerated().reversed() {
            let word = text.firstWord(stage)
            if index == 0 {
                if orderedSources.contains(word) { return true }
                if let body = lets[text.text(stage).trimmed], depth < 8 {
                    return isOrdered(text, body, lets: lets, depth: depth + 1)
                }
                // `T | python()` written as a first stage of a tabular let body: `(range ...)`.
                return false
            }
            if ordering.contains(word) { return true }
            // Of the plugins, only python() is known to hand rows back in the order its script builds them.
            if word == "evaluate", !InlinePython.usesPython(text.text(stage)) { return false }
            if !keepsOrder.contains(word) { return false }
        }
        return false
    }

    /// `let name = body` → (name, body range); nil for functions (`let f = (x:long) { ... }`) and scalars we cannot tell apart.
    static func letBinding(_ text: QueryText, _ statement: Range<Int>) -> (String, Range<Int>)? {
        var i = statement.lowerBound
        while i < statement.upperBound, !text.isCode[i] || text.characters[i].isWhitespace { i += 1 }
        i += 3
        while i < statement.upperBound, text.characters[i].isWhitespace { i += 1 }
        var name = ""
        while i < statement.upperBound, QueryText.isIdentifierPart(text.characters[i]) {
            name.append(text.characters[i]); i += 1
        }
        while i < statement.upperBound, text.characters[i].isWhitespace { i += 1 }
        guard !name.isEmpty, i < statement.upperBound, text.characters[i] == "=" else { return nil }
        return (name, (i + 1)..<statement.upperBound)
    }
}
