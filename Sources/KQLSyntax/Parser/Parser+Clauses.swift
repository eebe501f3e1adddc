import Columnar

/// Pieces shared by several operators: options, assignments, sort keys, column patterns.
extension SyntaxParser {
    /// `name = value` options written before an operator's arguments (`kind=inner`, `hint.strategy=shuffle`).
    /// Only names `accepts` allows are taken, so `extend kind = 1` stays an assignment.
    func parseOptions(_ accepts: (String) -> Bool) throws(KQLError) -> [OptionSyntax] {
        var options: [OptionSyntax] = []
        while let (name, length) = optionName(), accepts(name.lowercased()), isPunct("=", length) {
            let start = current
            position += length + 1
            let value = try parseOptionValue(after: "'\(name)='")
            options.append(OptionSyntax(name: name, value: value, span: span(from: start)))
        }
        return options
    }

    /// A dotted option name at the cursor (`hint.strategy`) and how many tokens it takes.
    func optionName() -> (String, Int)? {
        guard current.isIdentifier else { return nil }
        var name = current.text
        var length = 1
        while isPunct(".", length), adjacent(length), peek(length + 1).isIdentifier, adjacent(length + 1) {
            name += "." + peek(length + 1).text
            length += 2
        }
        return (name, length)
    }

    /// An option's value: a word (never a call, so `kind=inner (T)` reads right), a literal, or a signed number.
    func parseOptionValue(after context: String) throws(KQLError) -> ExpressionSyntax {
        if current.isIdentifier, current.text != "dynamic", current.text != "typeof" {
            let t = advance()
            if t.text == "true" || t.text == "false" { return .literal(.bool(t.text == "true"), .bool, t.span) }
            return .name(NameSyntax(t.text, span: t.span))
        }
        guard canStartExpression else { throw expected("a value", after: context) }
        return try parseUnary()
    }

    /// `with (name = value, ...)` as in `render` and commands; the `with` word must be current.
    /// A property named in `lists` takes a comma-delimited list of names (`render ... with (ycolumns=a, b)`):
    /// a name after a comma that is not followed by `=` belongs to the list, not to a new property.
    func parseWithProperties(lists: Set<String> = []) throws(KQLError) -> [OptionSyntax] {
        advance()
        let open = try expectPunct("(", after: "'with'")
        var options: [OptionSyntax] = []
        if !isPunct(")") {
            repeat {
                let start = current
                guard let (name, length) = optionName() else {
                    throw expected("a property name", after: "'with (' or ','")
                }
                position += length
                try expectPunct("=", after: "the property name '\(name)'")
                let value = try parseOptionValue(after: "'\(name)='")
                var more: [NameSyntax] = []
                if case .name = value, lists.contains(name.lowercased()) {
                    while isPunct(","), peek(1).isIdentifier, !isPunct("=", 2) {
                        advance()
                        let t = advance()
                        more.append(NameSyntax(t.text, span: t.span))
                    }
                }
                options.append(OptionSyntax(name: name, value: value, span: span(from: start), moreNames: more))
            } while eatPunct(",")
        }
        guard isPunct(")") else { throw expected("',' or ')'", after: "the properties opened at \(location(open))") }
        advance()
        return options
    }

    func parseAssignments(after context: String) throws(KQLError) -> [AssignmentSyntax] {
        var items: [AssignmentSyntax] = []
        repeat {
            items.append(try parseAssignment(after: items.isEmpty ? context : "','"))
        } while eatPunct(",")
        return items
    }

    /// `name = expr`, `(a, b) = expr` or `expr`.
    func parseAssignment(after context: String) throws(KQLError) -> AssignmentSyntax {
        if isPunct("("), let length = tupleNamesLength() {
            advance()
            var names: [NameSyntax] = []
            repeat { names.append(try parseName(after: "'('")) } while eatPunct(",")
            try expectPunct(")", after: "the names")
            _ = length
            advance()  // '='
            return AssignmentSyntax(names: names, value: try parseExpression(expecting: "an expression", after: "'='"))
        }
        if let length = nameLength(), isPunct("=", length) {
            let name = try parseName(after: context)
            advance()
            return AssignmentSyntax(
                names: [name], value: try parseExpression(expecting: "an expression", after: "'\(name.name) ='"))
        }
        return AssignmentSyntax(value: try parseExpression(expecting: "a column name or an expression", after: context))
    }

    /// If `(a, b, ...) =` starts at the cursor, the number of tokens before the `=`.
    func tupleNamesLength() -> Int? {
        var k = 1
        while true {
            guard let n = nameLength(at: k) else { return nil }
            k += n
            if isPunct(",", k) { k += 1; continue }
            guard isPunct(")", k), isPunct("=", k + 1) else { return nil }
            return k + 1
        }
    }

    /// A name that may contain `*` wildcards (`a*`, `*_id`, `Table*`), written without spaces.
    func parseNamePattern() -> ColumnPatternSyntax? {
        let start = current
        if nameLength() == 3 {
            position += 3
            guard case .string(let s, _) = peek(-2).kind else { return nil }
            return ColumnPatternSyntax(pattern: s, span: span(from: start))
        }
        guard start.isIdentifier || start.isPunct("*") else { return nil }
        var text = advance().text
        while (current.isIdentifier || isPunct("*")), adjacent(0) { text += advance().text }
        return ColumnPatternSyntax(pattern: text, span: span(from: start))
    }

    /// Comma-separated column patterns (project-away, project-keep, project-reorder).
    func parseColumnPatterns(after context: String, orders: Set<String> = []) throws(KQLError) -> [ColumnPatternSyntax]
    {
        var patterns: [ColumnPatternSyntax] = []
        repeat {
            guard var p = parseNamePattern() else {
                throw expected("a column name", after: patterns.isEmpty ? context : "','")
            }
            if current.isIdentifier, orders.contains(current.text) {
                p.order = advance().text
                if p.order == "granny", isPunct("-"), adjacent(0), adjacent(1), peek(1).isIdentifier {
                    advance()
                    p.order = "granny-" + advance().text
                }
                p.span = p.span.union(previous.span)
            }
            patterns.append(p)
        } while eatPunct(",")
        return patterns
    }

    func parseSortKeys(after context: String) throws(KQLError) -> [SortKeySyntax] {
        var keys: [SortKeySyntax] = []
        repeat { keys.append(try parseSortKey(after: keys.isEmpty ? context : "','")) } while eatPunct(",")
        return keys
    }

    /// `expr [asc|desc] [nulls first|last]`.
    func parseSortKey(after context: String) throws(KQLError) -> SortKeySyntax {
        let value = try parseExpression(expecting: "a column name", after: context)
        var key = SortKeySyntax(value: value)
        if eatWord("asc") { key.ascending = true } else if eatWord("desc") { key.ascending = false }
        if eatWord("nulls") {
            if eatWord("first") {
                key.nullsFirst = true
            } else if eatWord("last") {
                key.nullsFirst = false
            } else {
                throw expected("'first' or 'last'", after: "'nulls'")
            }
        }
        return key
    }
}
