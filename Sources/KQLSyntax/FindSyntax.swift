import Columnar

/// `find [withsource=C] [in (T, ...)] [where] Predicate [project-smart | project c[:type], ..., pack_all()]`.
///
/// The predicate's bare string terms are already rewritten into `* has "term"` (and the other term forms),
/// as ``SearchTerm`` describes.
public struct FindSyntax: Sendable {
    /// One column of a `project` clause: a name, with the type its values are cast to when written.
    public struct Column: Sendable {
        public var name: NameSyntax
        public var type: ScalarType?
        public init(name: NameSyntax, type: ScalarType?) { self.name = name; self.type = type }
    }
    /// What the rows become: `project-smart` (the default) or an explicit list.
    public enum Projection: Sendable {
        case smart
        /// `project c1[:t], ...`, with `pack_all()` packing the columns not listed into `pack_`.
        case columns([Column], packAll: Bool)
    }
    /// `withsource=Name`: the column naming each row's table (`source_` when absent).
    public var sourceColumn: NameSyntax?
    /// `in (...)`: table names (with `*` wildcards) and tabular expressions; nil for every table of the database.
    public var tables: [ExpressionSyntax]?
    public var predicate: ExpressionSyntax
    public var projection: Projection
    public init(
        sourceColumn: NameSyntax?, tables: [ExpressionSyntax]?, predicate: ExpressionSyntax, projection: Projection
    ) {
        self.sourceColumn = sourceColumn; self.tables = tables; self.predicate = predicate; self.projection = projection
    }
}

/// `[T |] search [kind=case_sensitive] [in (T, ...)] Predicate`: rows of the tables whose predicate holds,
/// with a `$table` column naming each row's table.
public struct SearchSyntax: Sendable {
    /// `in (...)`: tables to search (only without an input); nil for every table of the database.
    public var tables: [ExpressionSyntax]?
    /// The predicate, its terms rewritten as for ``FindSyntax`` (case-sensitive ones for `kind=case_sensitive`).
    public var predicate: ExpressionSyntax
    public init(tables: [ExpressionSyntax]?, predicate: ExpressionSyntax) {
        self.tables = tables; self.predicate = predicate
    }
}

/// The term forms of `search` and `find` predicates: a string term where a condition is expected is a
/// search over every column (`"err"`: `* has "err"`), and `Column:"err"` a search over one column; the
/// asterisks in the term choose the operator.
public enum SearchTerm {
    /// The condition a term stands for, over `subject` (`.star` for every column).
    ///
    /// `err` is `has`, `*err` `hassuffix`, `err*` `hasprefix`, `*err*` `contains`, and an asterisk inside
    /// (`Lab*PC`) a regular expression matching whole terms (`\bLab.*PC\b`); a lone `*` matches every row.
    /// `caseSensitive` picks the `_cs` operators and a case-sensitive expression.
    public static func condition(_ term: String, subject: ExpressionSyntax, caseSensitive: Bool, span: SourceSpan)
        -> ExpressionSyntax
    {
        let starts = term.hasPrefix("*"), ends = term.hasSuffix("*") && term.count > 1
        var core = Substring(term)
        if starts { core = core.dropFirst() }
        if ends { core = core.dropLast() }
        if core.isEmpty { return .literal(.bool(true), .bool, span) }
        let op: BinaryOperator
        if core.contains("*") {
            let parts = core.split(separator: "*", omittingEmptySubsequences: false).map { escaped(String($0)) }
            let regex =
                (caseSensitive ? "" : "(?i)") + (starts ? "" : "\\b") + parts.joined(separator: ".*")
                + (ends ? "" : "\\b")
            return .binary(op: .matchesRegex, left: subject, right: .literal(.string(regex), .string, span), span: span)
        }
        switch (starts, ends) {
        case (true, true): op = caseSensitive ? .containsCs : .contains
        case (true, false): op = caseSensitive ? .hasSuffixCs : .hasSuffix
        case (false, true): op = caseSensitive ? .hasPrefixCs : .hasPrefix
        case (false, false): op = caseSensitive ? .hasCs : .has
        }
        return .binary(op: op, left: subject, right: .literal(.string(String(core)), .string, span), span: span)
    }

    /// `predicate` with each string literal that stands where a condition is expected (the whole predicate, an
    /// operand of `and`/`or`/`not`, a parenthesized condition) replaced by its term condition over every column.
    /// The tree was built by the parser within its nesting limit, and this walk runs on the parser's stack.
    public static func rewritingTerms(_ predicate: ExpressionSyntax, caseSensitive: Bool) -> ExpressionSyntax {
        switch predicate {
        case .literal(.string(let s), _, let span):
            return condition(s, subject: .star(span), caseSensitive: caseSensitive, span: span)
        case .star(let span):
            return .literal(.bool(true), .bool, span)
        case .parenthesized(let inner, let span):
            return .parenthesized(rewritingTerms(inner, caseSensitive: caseSensitive), span)
        case .binary(let op, let l, let r, let span) where op == .and || op == .or:
            return .binary(
                op: op, left: rewritingTerms(l, caseSensitive: caseSensitive),
                right: rewritingTerms(r, caseSensitive: caseSensitive), span: span)
        case .chain(let first, let links, let span) where links.allSatisfy({ $0.op == .and || $0.op == .or }):
            return .chain(
                first: rewritingTerms(first, caseSensitive: caseSensitive),
                links: links.map {
                    ChainLinkSyntax(op: $0.op, operand: rewritingTerms($0.operand, caseSensitive: caseSensitive))
                },
                span: span)
        case .call(let name, let args, let span) where name.name == "not" && args.count == 1:
            return .call(
                name: name,
                arguments: [ArgumentSyntax(value: rewritingTerms(args[0].value, caseSensitive: caseSensitive))],
                span: span)
        default:
            return predicate
        }
    }

    /// Text matched literally inside a regular expression.
    private static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\^$.|?*+()[]{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
