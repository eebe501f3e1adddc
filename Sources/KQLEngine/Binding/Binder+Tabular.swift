import Columnar
import KQLSyntax

/// What a user function call produced.
enum FunctionCallResult {
    case scalar(BoundExpression)
    case tabular(BoundQuery)
}

extension Binder {
    /// Whether an expression denotes a table (KQL's `let` binds either kind with the same syntax).
    ///
    /// Looks through functions that call functions; past `QueryLimits.maxNestingDepth` of them it answers
    /// false, and binding then reports the depth.
    func isTabular(_ e: ExpressionSyntax, scope: Scope, depth: Int = 0) -> Bool {
        switch e {
        case .pipeline, .source: return true
        case .parenthesized(let inner, _): return isTabular(inner, scope: scope, depth: depth)
        case .name(let n):
            if declarations.macroEntities[n.name] != nil { return true }
            switch entry(n.name, in: scope) {
            case .tabular?: return true
            case .scalar?: return false
            case .function(let def, let captured)? where def.parameters.isEmpty:
                return bodyIsTabular(def, captured, depth: depth)
            default: return database.table(named: n.name) != nil || database.unavailableReason(forTable: n.name) != nil
            }
        case .member(let base, _, _):
            if case .name(let x) = base, declarations.macroEntities[x.name] != nil { return true }
            return databaseCall(base) != nil || patternInvocation(e) != nil
        case .call(let name, let args, _):
            if ["materialize", "table", "view", "database"].contains(name.name) { return true }
            if declarations.patterns[name.name] != nil { return true }
            if Binder.databaseQualified(args) != nil {
                guard let f = database.function(named: name.name) else { return true }  // binding reports it
                return bodyIsTabular(f.definition, Scope(), depth: depth)
            }
            if name.name == "graph", entry(name.name, in: scope) == nil { return true }
            if case .function(let def, let captured)? = entry(name.name, in: scope) {
                return bodyIsTabular(def, captured, depth: depth)
            }
            return false
        default: return false
        }
    }

    /// Whether a function's body is tabular. The answer depends only on the definition's text (the names it
    /// sees are the same kinds wherever it is bound), so it is worked out once per definition: a body that
    /// mentions the previous function twice would otherwise double the work at every level.
    private func bodyIsTabular(_ def: FunctionDefinitionSyntax, _ captured: Scope, depth: Int) -> Bool {
        if let known = tabularBodies[def.key] { return known }
        // So deep a chain cannot be bound either: binding follows the same names and reports the depth,
        // which ends the script, so an answer cached past this point is never used.
        guard depth < QueryLimits.maxNestingDepth else { return false }
        let answer = bodyIsTabularUncached(def, captured, depth: depth + 1)
        tabularBodies[def.key] = answer
        return answer
    }

    private func bodyIsTabularUncached(_ def: FunctionDefinitionSyntax, _ captured: Scope, depth: Int) -> Bool {
        var s = captured
        for p in def.parameters {
            if case .tabular = p.kind {
                s[p.name.name] = .tabular(BoundQuery(source: .input, schema: Schema([])))
            } else {
                s[p.name.name] = .scalar(.constant(.null, .long))
            }
        }
        for l in def.lets {
            if case .function(let d) = l.value {
                s[l.name.name] = .function(d, s)
            } else if case .expression(let x) = l.value {
                s[l.name.name] =
                    isTabular(x, scope: s, depth: depth)
                    ? .tabular(BoundQuery(source: .input, schema: Schema([])))
                    : .scalar(.constant(.null, .long))
            }
        }
        return isTabular(def.body, scope: s, depth: depth)
    }

    /// Binds a tabular expression; one that nests or expands past `QueryLimits` is `E_QUERY_TOO_COMPLEX`, and a
    /// graph where a table is needed is `E_TYPE`.
    public func bindTabular(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        let q = try bindTabularOrGraph(e, scope: scope)
        if q.pendingGraph != nil { throw Binder.graphWithoutTable(e.span) }
        return q
    }

    /// Binds a tabular expression or a graph (`make-graph` not yet followed by an operator that makes a table),
    /// where a graph may stand: the source of a pipeline, a `let`, a function body.
    func bindTabularOrGraph(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        let q = try bindTabularUnchecked(e, scope: scope)
        guard q.depth <= QueryLimits.maxNestingDepth else {
            throw QueryLimits.tooDeep(
                "subqueries (`union` legs, `join` sides, `materialize`, `invoke`, `mv-apply`, "
                    + "with every `let` and function expanded)", span: e.span)
        }
        guard q.size <= QueryLimits.maxPlanSize else {
            throw KQLError(
                .queryTooComplex,
                "the tabular expression has more than \(QueryLimits.maxPlanSize) operators once every `let` and user function in it is expanded",
                span: e.span,
                hint:
                    "a `let` or function is expanded wherever it is used; use materialize() to compute a shared part once; see docs/limits.md"
            )
        }
        return q
    }

    private func bindTabularUnchecked(_ e: ExpressionSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        switch e {
        case .parenthesized(let inner, _):
            return try bindTabularOrGraph(inner, scope: scope)
        case .pipeline(let source, let ops, _):
            var q = try bindTabularOrGraph(source, scope: scope)
            var s = scope
            for op in ops { q = try bindOperator(op, input: consume q, scope: &s) }
            return q
        case .source(let s):
            return try bindSource(s, scope: scope)
        case .name(let n):
            return try bindTableName(n, scope: scope)
        case .call(let name, let args, let span):
            return try bindTabularCall(name, args, span: span, scope: scope)
        case .member(let base, let table, _) where databaseCall(base) != nil:
            return try bindDatabaseTable(base, table, scope: scope)
        case .member(.call(let c, _, _), _, let span) where c.name == "cluster":
            throw clusterWithoutDatabase(span)
        case .member(.name(let x), let table, let span) where declarations.macroEntities[x.name] != nil:
            return try bindMacroEntityMember(x, table, span: span)
        case .member(_, _, let span) where patternInvocation(e) != nil:
            let (name, args, path) = patternInvocation(e)!
            return try bindPatternInvocation(name, args, path: path, span: span, scope: scope)
        default:
            throw KQLError(.type, "expected a tabular expression (a table, a `let` name or a pipeline)", span: e.span)
        }
    }

    func bindTableName(_ n: NameSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        if let entity = declarations.macroEntities[n.name] { return try bindMacroEntity(n, entity) }
        switch entry(n.name, in: scope) {
        case .tabular(let q)?: return q.wrapped
        case .function(let def, let captured)? where def.parameters.isEmpty:
            if case .tabular(let q) = try bindUserFunction(
                def, captured: captured, name: n, arguments: [], span: n.span,
                rowSchema: Schema([]), callerScope: scope)
            {
                return q
            }
            throw KQLError(.type, "'\(n.name)' is a scalar function, not a table", span: n.span)
        case .scalar?:
            throw KQLError(.type, "'\(n.name)' is a scalar value, not a table", span: n.span)
        default: break
        }
        if let t = database.table(named: n.name) {
            return BoundQuery(source: .table(name: n.name), schema: t.schema)
        }
        // The file's own location (file:line) says where the problem is; the query is not at fault.
        if let reason = database.unavailableReason(forTable: n.name) { throw reason }
        if let reason = unavailableFunction(n) { throw reason }
        if let e = recursion(n) { throw e }
        throw NameSuggestion.unknown(
            "table", n, among: database.tableNames + scope.tabularNames,
            otherwise: "`.show tables` lists the tables")
    }

    /// `E_UNSUPPORTED` with the reason, for a function of KQL's catalogue that Sandpiper does not implement.
    static func unsupportedFunction(_ name: NameSyntax) -> KQLError? {
        guard let reason = UnavailableFunctions.reasons[name.name] else { return nil }
        return KQLError(.unsupported, "\(name.name)() is not supported: \(reason)", span: name.span)
    }

    private func bindTabularCall(
        _ name: NameSyntax, _ args: [ArgumentSyntax], span: SourceSpan,
        scope: Scope
    ) throws(KQLError) -> BoundQuery {
        if let (qualifier, rest) = Binder.databaseQualified(args) {
            return try bindDatabaseFunctionCall(name, rest, qualifier: qualifier, span: span, scope: scope)
        }
        if declarations.patterns[name.name] != nil {
            return try bindPatternInvocation(name, args, path: nil, span: span, scope: scope)
        }
        switch name.name {
        case "materialize":
            guard args.count == 1 else {
                throw KQLError(.argument, "materialize() takes one tabular expression", span: span)
            }
            let q = try bindTabular(args[0].value, scope: scope)
            var m = BoundQuery(source: .materialized(id: makeMaterializeID(), q), schema: q.schema)
            m.isSerialized = q.isSerialized
            return m
        case "database" where entry(name.name, in: scope) == nil:
            throw KQLError(
                .argument, "database() names a database; a table of it follows a dot: database(\"name\").Table",
                span: span)
        case "graph" where scope[name.name] == nil:
            throw KQLError(
                .unsupported, "persistent graphs (`graph(\"name\")` over graph models and snapshots) are not supported",
                span: span,
                hint: "build the graph in the query instead: `Edges | make-graph Source --> Target with Nodes on Id`")
        case "table":
            guard args.count == 1, case .literal(.string(let t), _, let s) = args[0].value else {
                throw KQLError(.argument, "table() takes a table name as a string literal", span: span)
            }
            return try bindTableName(NameSyntax(t, span: s), scope: scope)
        default:
            guard case .function(let def, let captured)? = entry(name.name, in: scope) else {
                if functions.scalarFunction(named: name.name) != nil {
                    throw KQLError(.type, "\(name.name)() returns a scalar value, not a table", span: span)
                }
                if let reason = unavailableFunction(name) { throw reason }
                if let e = recursion(name) { throw e }
                if let e = Binder.unsupportedFunction(name) { throw e }
                throw NameSuggestion.unknown(
                    "function", name, among: functionCandidates(scope),
                    otherwise: "`.show functions` lists the stored functions")
            }
            let r = try bindUserFunction(
                def, captured: captured, name: name, arguments: args, span: span,
                rowSchema: Schema([]), callerScope: scope)
            guard case .tabular(let q) = r else {
                throw KQLError(.type, "function '\(name.name)' returns a scalar value, not a table", span: span)
            }
            return q
        }
    }

    /// Binds a call of a user function: parameters take the arguments (or their defaults), then the body's
    /// `let`s and the body are bound in the function's own scope.
    func bindUserFunction(
        _ def: FunctionDefinitionSyntax, captured: Scope, name: NameSyntax, arguments: [ArgumentSyntax],
        span: SourceSpan, rowSchema: Schema, callerScope: Scope,
        input: BoundQuery? = nil
    ) throws(KQLError) -> FunctionCallResult {
        var s = captured
        var positional = arguments.filter { $0.name == nil }.makeIterator()
        var inputPending = input
        // The bound arguments, to recognize a repeated call; nil once a table is among them.
        var parameters: [BoundExpression]? = input == nil ? [] : nil
        for p in def.parameters {
            var arg = arguments.first { $0.name?.name == p.name.name }
            if arg == nil {
                if case .tabular = p.kind, let q = inputPending {
                    s[p.name.name] = .tabular(q); inputPending = nil; continue
                }
                arg = positional.next()
            }
            switch p.kind {
            case .tabular:
                guard let a = arg else {
                    throw KQLError(
                        .argument, "function '\(name.name)' needs a table for parameter '\(p.name.name)'", span: span)
                }
                s[p.name.name] = .tabular(try bindTabular(a.value, scope: callerScope))
                parameters = nil
            case .scalar(let type):
                let bound: BoundExpression
                if let a = arg {
                    bound = try coerce(
                        try bindScalar(a.value, schema: rowSchema, scope: callerScope), to: type, span: a.value.span)
                } else if let d = p.defaultValue {
                    bound = try coerce(try bindScalar(d, schema: Schema([]), scope: captured), to: type, span: d.span)
                } else {
                    throw KQLError(
                        .argument, "function '\(name.name)' needs a value for parameter '\(p.name.name)'", span: span)
                }
                s[p.name.name] = .scalar(bound)
                parameters?.append(bound)
            }
        }
        if positional.next() != nil {
            throw KQLError(.argument, "function '\(name.name)' takes \(def.parameters.count) argument(s)", span: span)
        }
        let scope = s
        return try expandUserFunction(def, name: name, span: span, rowSchema: rowSchema, parameters: parameters) {
            () throws(KQLError) -> FunctionCallResult in
            // The body's spans point into the definition's own text (a stored function's, or the query's).
            do throws(KQLError) {
                var s = scope
                for l in def.lets { try bindLet(l, scope: &s) }
                if isTabular(def.body, scope: s) { return .tabular(try bindTabularOrGraph(def.body, scope: s)) }
                return .scalar(try bindScalar(def.body, schema: rowSchema, scope: s))
            } catch {
                throw def.source.map { error.located(in: $0) } ?? error
            }
        }
    }
}

extension BoundQuery {
    /// This query as the source of a new pipeline.
    var wrapped: BoundQuery {
        guard !operators.isEmpty else { return self }
        var inner = self
        inner.pendingGraph = nil
        var q = BoundQuery(source: .query(inner), schema: schema)
        q.isSerialized = isSerialized
        // A graph stays a graph: the graph operators that follow apply to the wrapped query's edges.
        q.pendingGraph = pendingGraph
        return q
    }
}

extension Binder {
    /// The operators that follow a management command (`.show tables | where ...`), bound over the
    /// command's result table as their source.
    func bindOperators(_ ops: [OperatorSyntax], over table: Table, scope: Scope) throws(KQLError) -> BoundQuery {
        var q = BoundQuery(source: .rows(table), schema: table.schema)
        var s = scope
        for op in ops { q = try bindOperator(op, input: consume q, scope: &s) }
        return q
    }
}
