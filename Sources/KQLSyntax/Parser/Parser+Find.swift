import Columnar

/// `find` and `search`: a table list, a predicate whose string terms search columns, and `find`'s projection.
extension SyntaxParser {
    /// `find [withsource=C] [in (T, ...)] [where] Predicate [project-smart | project ...]`, after the keyword.
    func parseFindBody() throws(KQLError) -> FindSyntax {
        let options = try parseOptions { $0 == "withsource" || $0.hasPrefix("hint.") }
        var sourceColumn: NameSyntax?
        for o in options where o.name.lowercased() == "withsource" {
            guard case .name(let n) = o.value else { throw error("withsource= needs a column name", at: nil) }
            sourceColumn = n
        }
        let tables = try parseTableListIfPresent(of: "find")
        _ = eatWord("where")
        let predicate = try parseSearchPredicate(caseSensitive: false, after: "'find'")
        var projection = FindSyntax.Projection.smart
        if isWord("project"), isPunct("-", 1), adjacent(1), isWord("smart", 2), adjacent(2) {
            position += 3
        } else if eatWord("project") {
            projection = try parseFindProjection()
        }
        return FindSyntax(sourceColumn: sourceColumn, tables: tables, predicate: predicate, projection: projection)
    }

    /// `[kind=...] [in (T, ...)] Predicate` of `search`, after the keyword.
    func parseSearchBody(hasInput: Bool) throws(KQLError) -> SearchSyntax {
        let options = try parseOptions { $0 == "kind" || $0.hasPrefix("hint.") }
        var caseSensitive = false
        for o in options where o.name.lowercased() == "kind" {
            let kind: String
            switch o.value {
            case .name(let n): kind = n.name
            case .literal(.string(let s), _, _): kind = s
            default: kind = ""
            }
            switch kind.lowercased() {
            case "case_sensitive": caseSensitive = true
            case "case_insensitive", "default": caseSensitive = false
            default:
                throw KQLError(
                    .parse, "search kind must be default, case_insensitive or case_sensitive", span: o.value.span)
            }
        }
        let tables = try parseTableListIfPresent(of: "search")
        if hasInput, let tables {
            throw KQLError(
                .parse, "`search` takes either an input table or `in (...)`, not both",
                span: tables.first?.span ?? current.span,
                hint: "drop the `|` before search, or the `in (...)` list")
        }
        return SearchSyntax(
            tables: tables, predicate: try parseSearchPredicate(caseSensitive: caseSensitive, after: "'search'"))
    }

    /// `in (T1, T2*, (query))`, or nil when no `in` follows.
    private func parseTableListIfPresent(of op: String) throws(KQLError) -> [ExpressionSyntax]? {
        guard isWord("in"), isPunct("(", 1) else { return nil }
        advance()
        let open = advance()
        var tables: [ExpressionSyntax] = []
        repeat {
            if isPunct("(") {
                tables.append(try parsePrimary())
            } else if let pattern = parseNamePattern() {
                if isPunct("("), !pattern.pattern.contains("*") {
                    position -= 1
                    var call = try parsePostfix()  // `database("d").T` names a table
                    if case .call(let f, _, _) = call, f.name == "database", isPunct("."), isPunct("*", 1) {
                        // `database("d").*`: every table of the database.
                        advance()
                        if let tables = parseNamePattern() {
                            call = .member(
                                base: call, name: NameSyntax(tables.pattern, span: tables.span),
                                span: call.span.union(tables.span))
                        }
                    }
                    if case .member(let base, let table, _) = call, isPunct("*"), adjacent(0) {
                        // `database("d").T*`: the postfix parse stopped at the `*` of the pattern.
                        var text = table.name
                        while isPunct("*") || current.isIdentifier, adjacent(0) { text += advance().text }
                        let name = NameSyntax(text, span: span(from: table.span))
                        call = .member(base: base, name: name, span: base.span.union(name.span))
                    }
                    if case .call = call, pattern.pattern == "database" || pattern.pattern == "cluster" {
                        throw KQLError(
                            .unsupported,
                            "`\(op)` over `\(pattern.pattern)(...)` is not supported: Sandpiper has one database, the one given with --db",
                            span: call.span, hint: "name the tables of this database, e.g. `\(op) in (T1, T2*)`")
                    }
                    tables.append(call)
                } else {
                    tables.append(.name(NameSyntax(pattern.pattern, span: pattern.span)))
                }
            } else {
                throw expected("a table name or '(' query ')'", after: tables.isEmpty ? "'\(op) in ('" : "','")
            }
        } while eatPunct(",")
        guard isPunct(")") else {
            throw expected("',' or ')'", after: "the tables of '\(op) in' (opened at \(location(open)))")
        }
        advance()
        return tables
    }

    /// A predicate in which `"term"` and `Column:"term"` search text (see `SearchTerm`).
    private func parseSearchPredicate(caseSensitive: Bool, after context: String) throws(KQLError) -> ExpressionSyntax {
        let outer = searchCaseSensitive
        searchCaseSensitive = caseSensitive
        defer { searchCaseSensitive = outer }
        let e = try parseExpression(expecting: "a predicate or a \"term\" to search for", after: context)
        return SearchTerm.rewritingTerms(e, caseSensitive: caseSensitive)
    }

    /// `Column:"term"` inside a search predicate; the name must be current, followed by `:` and a string.
    func parseColumnTerm(_ caseSensitive: Bool) -> ExpressionSyntax {
        let name = advance()
        advance()
        let term = parseStringLiteral()
        guard case .literal(.string(let text), _, let termSpan) = term else { return term }
        return SearchTerm.condition(
            text, subject: .name(NameSyntax(name.text, span: name.span)), caseSensitive: caseSensitive,
            span: SourceSpan(name.span.start, termSpan.end))
    }

    /// `c1[:type], c2, pack_all()` after `find ... project`.
    private func parseFindProjection() throws(KQLError) -> FindSyntax.Projection {
        var columns: [FindSyntax.Column] = []
        var packAll = false
        repeat {
            if isWord("pack_all"), isPunct("(", 1), isPunct(")", 2) {
                position += 3
                packAll = true
                continue
            }
            let name = try parseName(after: columns.isEmpty ? "'project'" : "','", what: "a column name or pack_all()")
            var type: ScalarType?
            if eatPunct(":") { type = try parseType(after: "'\(name.name):'") }
            columns.append(FindSyntax.Column(name: name, type: type))
        } while eatPunct(",")
        return .columns(columns, packAll: packAll)
    }
}
