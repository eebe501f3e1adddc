import Columnar
import KQLSyntax

/// The names a query can see besides columns: `let` bindings, query parameters and user functions.
///
/// A value type: a function body or a `let` adds names to a copy, so outer scopes never change.
public struct Scope: Sendable {
    /// What a name stands for.
    public indirect enum Entry: Sendable {
        case scalar(BoundExpression)
        case tabular(BoundQuery)
        /// A user function with the scope it was defined in (KQL functions see the names before them).
        case function(FunctionDefinitionSyntax, Scope)
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    public subscript(name: String) -> Entry? {
        get { entries[name] }
        set { entries[name] = newValue }
    }

    /// Names of one kind, for "did you mean" suggestions.
    var tabularNames: [String] {
        entries.compactMap { if case .tabular = $0.value { return $0.key } else { return nil } }
    }
    var scalarNames: [String] {
        entries.compactMap { if case .scalar = $0.value { return $0.key } else { return nil } }
    }
}

/// "did you mean" suggestions by edit distance.
enum NameSuggestion {
    /// The closest candidate within a distance that still looks like a typo, or nil.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(target, Array(c.lowercased()))
            let limit = max(1, min(3, target.count / 3 + 1))
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            prev2 = prev; prev = cur
        }
        return prev[b.count]
    }

    /// An `E_UNKNOWN_NAME` error; the closest candidate, if one looks like a typo, is named in the message.
    static func unknown(_ what: String, _ name: NameSyntax, among candidates: [String], otherwise hint: String? = nil) -> KQLError {
        if let c = closest(to: name.name, among: candidates) {
            return KQLError(.unknownName, "unknown \(what) '\(name.name)'; did you mean '\(c)'?", span: name.span)
        }
        return KQLError(.unknownName, "unknown \(what) '\(name.name)'", span: name.span, hint: hint)
    }

    /// A hint naming the closest candidate, or nil.
    static func hint(for name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }
}
