import Columnar
import KQLSyntax

/// `parse` / `parse-where` after binding: the pattern compiled to one anchored regular expression whose
/// named groups `pN` capture the extracted columns.
public struct BoundParse: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: ScalarType
        /// Replaces input column `replaces`, or is appended when nil.
        public var replaces: Int?
    }
    public var source: BoundExpression
    public var pattern: String
    public var caseInsensitive: Bool
    public var dotMatchesNewlines: Bool
    public var multiline: Bool
    /// `flags=U`: greedy and lazy repetitions swap meanings in the whole pattern.
    public var ungreedy: Bool
    public var columns: [Column]
    /// `kind=relaxed`: a value that does not convert to its column's type is null on its own; otherwise
    /// the whole row counts as unmatched.
    public var relaxed: Bool
    /// `parse-where`: unmatched rows are dropped.
    public var keepsOnlyMatches: Bool
}

extension Binder {
    func bindParse(_ p: ParseSyntax, schema: Schema, scope: Scope) throws(KQLError) -> (BoundParse, Schema) {
        var kind = "simple", flags = ""
        for o in p.options {
            var text: String?
            if case .name(let n) = o.value { text = n.name }
            if case .literal(.string(let s), _, _) = o.value { text = s }
            guard let t = text else { throw KQLError(.argument, "parse option '\(o.name)' needs a word", span: o.span) }
            if o.name.lowercased() == "kind" { kind = t.lowercased() } else { flags = t }
        }
        guard ["simple", "regex", "relaxed"].contains(kind) else {
            throw KQLError(
                .argument, "parse kind must be simple, regex or relaxed, not '\(kind)'",
                span: p.options.first { $0.name.lowercased() == "kind" }?.span)
        }
        if kind != "regex", !flags.isEmpty {
            throw KQLError(
                .argument, "parse flags= is allowed only with kind=regex",
                span: p.options.first { $0.name.lowercased() == "flags" }?.span)
        }
        for f in flags where !"Uims".contains(f) {
            throw KQLError(
                .argument, "unknown parse regex flag '\(f)'; the flags are U (ungreedy), i, m and s",
                span: p.options.first { $0.name.lowercased() == "flags" }?.span)
        }
        let isRegex = kind == "regex"
        let ungreedy = flags.contains("U")
        // Regex mode is greedy like RE2, and flag U (passed to RE2 with the others) makes `*` and string
        // columns lazy along with the user's own repetitions; the simple kinds take the shortest text
        // before the next delimiter.
        let any = isRegex ? ".*" : ".*?"
        var pattern = ""
        var columns: [BoundParse.Column] = []
        var fields = schema.fields
        for item in p.items {
            switch item {
            case .wildcard:
                pattern += any
            case .text(let t, let span):
                if isRegex {
                    do { _ = try RegexCache.shared.regex(t) } catch {
                        throw KQLError(.regex, error.message, span: span)
                    }
                    pattern += "(?:\(t))"
                } else {
                    pattern += RegexDialect.quote(t)
                }
            case .column(let name, let written):
                let type = written ?? .string
                // A typed column takes its whole number (or bool) whatever U says.
                let shape = Binder.parseShape(type).map { ungreedy ? "(?-U:\($0))" : $0 } ?? any
                let group = kind == "relaxed" && shape != any ? "\(shape)|\(any)" : shape
                pattern += "(?<p\(columns.count)>\(group))"
                if let dup = columns.firstIndex(where: { $0.name == name.name }) {
                    throw KQLError(.argument, "parse extracts column '\(columns[dup].name)' twice", span: name.span)
                }
                let replaces = schema.index(of: name.name)
                if let r = replaces {
                    fields[r] = Field(name.name, type)
                } else {
                    fields.append(Field(name.name, type))
                }
                columns.append(.init(name: name.name, type: type, replaces: replaces))
            }
        }
        let source = try bindScalar(p.source, schema: schema, scope: scope)
        let bound = BoundParse(
            source: source, pattern: "\\A(?:\(pattern))\\z", caseInsensitive: flags.contains("i"),
            dotMatchesNewlines: !isRegex || flags.contains("s"), multiline: flags.contains("m"), ungreedy: ungreedy,
            columns: columns, relaxed: kind == "relaxed", keepsOnlyMatches: p.keepsOnlyMatches)
        return (bound, Schema(fields))
    }

    /// The text a typed column may capture; nil for types taken as any text and converted afterwards.
    static func parseShape(_ type: ScalarType) -> String? {
        switch type {
        case .int, .long: return #"[-+]?\d+"#
        case .real, .decimal: return #"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"#
        case .bool: return "(?i:true|false)"
        default: return nil
        }
    }
}
