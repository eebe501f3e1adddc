import Columnar

/// Tabular operators after `|`.
extension SyntaxParser {
    func parseOperator() throws(KQLError) -> OperatorSyntax {
        let start = current
        guard start.isIdentifier else { throw expected("an operator name", after: "'|'") }
        var name = start.text
        var length = 1
        while isPunct("-", length), adjacent(length), peek(length + 1).isIdentifier, adjacent(length + 1) {
            name += "-" + peek(length + 1).text
            length += 2
        }
        position += length
        let keywordSpan = span(from: start)
        let after = "'\(name)'"
        let kind: OperatorSyntax.Kind
        switch name {
        case "where", "filter":
            kind = .where(try parseExpression(expecting: "a condition", after: after))
        case "extend":
            kind = .extend(try parseAssignments(after: after))
        case "project":
            kind = .project(try parseAssignments(after: after))
        case "project-away":
            kind = .projectAway(try parseColumnPatterns(after: after))
        case "project-by-names":
            var specifiers: [ExpressionSyntax] = []
            repeat {
                specifiers.append(
                    try parseExpression(
                        expecting: "a column name, a dynamic array of names or a pattern",
                        after: specifiers.isEmpty ? after : "','"))
            } while eatPunct(",")
            kind = .projectByNames(specifiers)
        case "project-keep":
            kind = .projectKeep(try parseColumnPatterns(after: after))
        case "project-reorder":
            kind = .projectReorder(try parseColumnPatterns(after: after, orders: ["asc", "desc", "granny"]))
        case "project-rename":
            kind = .projectRename(try parseRenames(after: after))
        case "take", "limit":
            kind = .take(count: try parseExpression(expecting: "a row count", after: after))
        case "sample":
            kind = .sample(count: try parseExpression(expecting: "a row count", after: after))
        case "count":
            kind = .count(name: nil)
        case "getschema":
            kind = .getschema
        case "serialize":
            kind = .serialize(canStartExpression ? try parseAssignments(after: after) : [])
        case "distinct":
            let options = try parseOptions { $0.hasPrefix("hint.") }
            var columns: [ExpressionSyntax] = []
            repeat {
                columns.append(
                    try parseExpression(expecting: "a column name or '*'", after: columns.isEmpty ? after : "','"))
            } while eatPunct(",")
            kind = .distinct(columns: columns, options: options)
        case "order", "sort":
            let options = try parseOptions { $0.hasPrefix("hint.") }
            try expectWord("by", after: after)
            kind = .sort(keys: try parseSortKeys(after: "'by'"), options: options)
        case "top":
            let count = try parseExpression(expecting: "a row count", after: after)
            try expectWord("by", after: "the row count of 'top'")
            kind = .top(count: count, key: try parseSortKey(after: "'by'"))
        case "summarize":
            kind = .summarize(try parseSummarize())
        case "as":
            let options = try parseOptions { $0.hasPrefix("hint.") }
            kind = .as(name: try parseName(after: after, what: "a name"), options: options)
        case "invoke":
            let function = try parseName(after: after, what: "a function name")
            kind = .invoke(function: function, arguments: try parseArguments(of: "'\(function.name)'"))
        case "render":
            // `3Dchart` starts with a digit; the lexer reads digits followed by a word as a name, as Kusto's does.
            let visual = try parseName(after: after, what: "a visualization kind (table, timechart, barchart, ...)")
            // ycolumns, series and anomalycolumns are comma-delimited column lists.
            let lists: Set<String> = ["ycolumns", "series", "anomalycolumns"]
            kind = .render(kind: visual, properties: isWord("with") ? try parseWithProperties(lists: lists) : [])
        case "union":
            kind = .union(try parseUnionBody())
        case "evaluate":
            kind = .evaluate(try parseEvaluateBody())
        case "python" where isPunct("("):
            position -= 1
            kind = .evaluate(try parseInlinePython())
        case "join":
            kind = .join(try parseJoin())
        case "lookup":
            let options = try parseOptions { $0 == "kind" || $0.hasPrefix("hint.") }
            let (right, conditions) = try parseJoinRightAndConditions(operatorName: "lookup")
            kind = .lookup(LookupSyntax(options: options, right: right, conditions: conditions))
        case "mv-expand", "mvexpand":
            // `mvexpand` and `mvapply` are the operators' older names, which Kusto still accepts.
            kind = .mvExpand(try parseMvExpand())
        case "make-series":
            kind = .makeSeries(try parseMakeSeries())
        case "mv-apply", "mvapply":
            kind = .mvApply(try parseMvApply())
        case "search":
            kind = .search(try parseSearchBody(hasInput: true))
        case "parse", "parse-where":
            kind = .parse(try parseParseBody(keepsOnlyMatches: name == "parse-where"))
        case "scan":
            kind = .scan(try parseScan())
        case "parse-kv":
            kind = .parseKv(try parseParseKv(start: start))
        case "partition":
            kind = .partition(try parsePartition())
        case "fork":
            kind = .fork(try parseFork())
        case "facet":
            kind = .facet(try parseFacet())
        case "consume":
            kind = .consume(options: try parseOptions { $0 == "decodeblocks" })
        case "sample-distinct":
            let count = try parseExpression(expecting: "a number of values", after: after)
            try expectWord("of", after: "the number of values of 'sample-distinct'")
            kind = .sampleDistinct(count: count, column: try parseName(after: "'of'", what: "a column name"))
        case "top-hitters":
            kind = .topHitters(try parseTopHitters())
        case "top-nested":
            kind = .topNested(try parseTopNested(start: start))
        case "reduce":
            kind = .reduce(try parseReduce())
        case "make-graph":
            kind = .makeGraph(try parseMakeGraph())
        case "graph-match", "graph-shortest-paths":
            let shortest = name == "graph-shortest-paths"
            kind = .graphMatch(
                try parseGraphMatch(operatorName: name, optionNames: shortest ? ["output"] : ["cycles"], start: start),
                shortestPaths: shortest)
        case "graph-to-table":
            kind = .graphToTable(try parseGraphToTable())
        case "macro-expand":
            throw KQLError(
                .parse, "'macro-expand' starts a query; it takes no input, so it cannot follow '|'",
                span: keywordSpan, hint: "write it first: `macro-expand Group as X (X.T | ...) | ...`")
        case "graph-mark-components":
            kind = .graphMarkComponents(options: try parseOptions { ["kind", "with_component_id"].contains($0) })
        default:
            throw unknownOperator(name, span: keywordSpan)
        }
        if nothingCanFollowHere {
            throw error(
                "unexpected \(current.display) after the '\(name)' operator; expected '|' before the next operator or ';' to end the statement"
            )
        }
        return OperatorSyntax(kind: kind, span: span(from: start), keywordSpan: keywordSpan)
    }

    /// True when the current token cannot follow a complete operator (a word or a literal there is a mistake).
    var nothingCanFollowHere: Bool {
        switch current.kind {
        case .identifier, .long, .real, .timespan, .string, .typedLiteral: return true
        default: return false
        }
    }

    func parseRenames(after context: String) throws(KQLError) -> [(new: NameSyntax, old: NameSyntax)] {
        var pairs: [(new: NameSyntax, old: NameSyntax)] = []
        repeat {
            let new = try parseName(after: pairs.isEmpty ? context : "','", what: "a new column name")
            try expectPunct("=", after: "the new name '\(new.name)'")
            let old = try parseName(after: "'\(new.name) ='", what: "the existing column name")
            pairs.append((new: new, old: old))
        } while eatPunct(",")
        return pairs
    }

    func parseSummarize() throws(KQLError) -> SummarizeSyntax {
        let options = try parseOptions { $0.hasPrefix("hint.") }
        var aggregates: [AssignmentSyntax] = []
        if !isWord("by") {
            aggregates = try parseAssignments(after: "'summarize'")
        }
        var by: [AssignmentSyntax] = []
        if eatWord("by") {
            guard canStartExpression else { throw expected("a column name", after: "'by'") }
            by = try parseAssignments(after: "'by'")
        }
        return SummarizeSyntax(options: options, aggregates: aggregates, by: by)
    }

    /// `operator X is not supported yet` for KQL operators this engine lacks; otherwise a parse error naming the closest operator.
    func unknownOperator(_ name: String, span: SourceSpan) -> KQLError {
        if let entry = KQLManifest.operatorEntry(name) {
            if entry.status == .implemented {
                return KQLError(
                    .parse, "'\(name)' starts a query and cannot follow '|'", span: span,
                    hint: "write it at the start of a statement, or inside union (...) or join (...)")
            }
            return unsupportedOperator(name, span: span)
        }
        if let suggestion = KQLManifest.closestOperator(to: name) {
            return KQLError(.parse, "unknown operator '\(name)'; did you mean '\(suggestion)'?", span: span)
        }
        return KQLError(
            .parse, "unknown operator '\(name)'", span: span,
            hint: "see docs/support.md for the operators Sandpiper knows")
    }

    func unsupportedOperator(_ name: String, span: SourceSpan) -> KQLError {
        KQLError(
            .unsupported, "operator `\(name)` is not supported yet", span: span,
            hint: "see docs/support.md for the operators Sandpiper implements")
    }
}
