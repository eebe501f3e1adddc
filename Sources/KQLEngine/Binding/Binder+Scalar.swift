import Columnar
import KQLSyntax

/// Collects the aggregate calls of a `summarize` item that is an expression over aggregates.
final class AggregateCollector {
    let inputSchema: Schema
    /// Index of the first aggregate output in the intermediate `[keys..., aggregates...]` table.
    let base: Int
    var aggregates: [BoundAggregate] = []
    var outputCount = 0
    init(inputSchema: Schema, base: Int) { self.inputSchema = inputSchema; self.base = base }
}

extension Binder {
    /// Binds a scalar expression evaluated over rows of `schema`.
    func bindScalar(
        _ e: ExpressionSyntax, schema: Schema, scope: Scope,
        aggregates: AggregateCollector? = nil
    ) throws(KQLError) -> BoundExpression {
        switch e {
        case .literal(let v, let t, _):
            return .constant(t == .dynamic && !(v.type == .dynamic) ? .dynamic(v.asDynamic) : v, t)
        case .name(let n):
            return try bindName(n, schema: schema, scope: scope)
        case .star(let s):
            throw KQLError(.type, "`*` is not a scalar value here", span: s)
        case .parenthesized(let inner, _):
            return try bindScalar(inner, schema: schema, scope: scope, aggregates: aggregates)
        case .call(let name, let args, let span):
            return try bindCall(name, args, span: span, schema: schema, scope: scope, aggregates: aggregates)
        case .unary(let op, let operand, let span):
            let x = try bindScalar(operand, schema: schema, scope: scope, aggregates: aggregates)
            if op == .plus { return x }
            guard let f = functions.negateFunction else { throw unsupported("unary minus", span) }
            return try makeCall(f, [x], argumentSpans: [operand.span], span: span)
        case .chain(let first, let links, let span):
            return try bindChain(first, links, span: span, schema: schema, scope: scope, aggregates: aggregates)
        case .binary(let op, .star, let r, let span) where aggregates == nil:
            return try bindStarCondition(op, r, span: span, schema: schema, scope: scope)
        case .binary(let op, let l, let r, let span):
            guard op != .like, op != .notLike, let f = functions.binaryFunction(op) else {
                throw unsupported("operator `\(op.rawValue)`", span)
            }
            let a = try bindScalar(l, schema: schema, scope: scope, aggregates: aggregates)
            let b = try bindScalar(r, schema: schema, scope: scope, aggregates: aggregates)
            return try makeCall(f, [a, b], argumentSpans: [l.span, r.span], span: span)
        case .setMembership(let op, let l, let list, let span):
            guard let f = functions.setMembershipFunction(op) else {
                throw unsupported("operator `\(op.rawValue)`", span)
            }
            let a = try bindScalar(l, schema: schema, scope: scope, aggregates: aggregates)
            var args = [a], spans = [l.span]
            if list.count == 1, isTabular(list[0], scope: scope) {
                let q = try bindTabular(list[0], scope: scope)
                let t = try execute(q, span: list[0].span)
                guard let c = t.columns.first else {
                    throw KQLError(.type, "the tabular list has no column", span: list[0].span)
                }
                args.append(.constant(.dynamic(.array((0..<c.count).map { c.value($0).asDynamic })), .dynamic))
                spans.append(list[0].span)
            } else {
                for item in list {
                    args.append(try bindScalar(item, schema: schema, scope: scope, aggregates: aggregates))
                    spans.append(item.span)
                }
            }
            return try makeCall(f, args, argumentSpans: spans, span: span)
        case .between(let v, let lo, let hi, let negated, let span):
            guard let f = negated ? functions.notBetweenFunction : functions.betweenFunction else {
                throw unsupported(negated ? "`!between`" : "`between`", span)
            }
            let args = [
                try bindScalar(v, schema: schema, scope: scope, aggregates: aggregates),
                try bindScalar(lo, schema: schema, scope: scope, aggregates: aggregates),
                try bindScalar(hi, schema: schema, scope: scope, aggregates: aggregates),
            ]
            return try makeCall(f, args, argumentSpans: [v.span, lo.span, hi.span], span: span)
        case .member(let base, let name, let span):
            if case .name(let x) = base, declarations.macroEntities[x.name] != nil {
                return try bindMacroEntityScalar(x, name, span: span, schema: schema, scope: scope)
            }
            if case .name(let b) = base, b.name == "$left" || b.name == "$right" {
                throw KQLError(.type, "`\(b.name)` can only be used in a join's `on` clause", span: span)
            }
            // `step.column` in a scan step: the scan binds its state as columns named that way.
            if case .name(let b) = base, let i = schema.index(of: "\(b.name).\(name.name)") {
                return .column(index: i, name: schema.fields[i].name, type: schema.fields[i].type)
            }
            let x = try bindScalar(base, schema: schema, scope: scope, aggregates: aggregates)
            guard x.type == .dynamic else {
                throw KQLError(
                    .type, "`.\(name.name)` needs a dynamic value, but the expression is \(x.type.rawValue)", span: span
                )
            }
            guard let f = functions.dynamicMemberFunction else { throw unsupported("member access", span) }
            return try makeCall(
                f, [x, .constant(.string(name.name), .string)], argumentSpans: [base.span, name.span], span: span)
        case .index(let base, let index, let span):
            let x = try bindScalar(base, schema: schema, scope: scope, aggregates: aggregates)
            let i = try bindScalar(index, schema: schema, scope: scope, aggregates: aggregates)
            guard x.type == .dynamic else {
                throw KQLError(
                    .type, "indexing needs a dynamic value, but the expression is \(x.type.rawValue)", span: span)
            }
            guard let f = functions.dynamicIndexFunction else { throw unsupported("indexing", span) }
            return try makeCall(f, [x, i], argumentSpans: [base.span, index.span], span: span)
        case .schema(let s):
            throw KQLError(.type, "a schema is not a scalar value", span: s.span)
        case .pipeline, .source:
            throw KQLError(
                .type, "a tabular expression cannot be used as a scalar value", span: e.span,
                hint: "wrap it in toscalar(...) to use its first value")
        }
    }

    func unsupported(_ what: String, _ span: SourceSpan) -> KQLError {
        KQLError(.unsupported, "\(what) is not supported yet", span: span)
    }

    private func bindName(_ n: NameSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundExpression {
        if let i = schema.index(of: n.name) { return .column(index: i, name: n.name, type: schema.fields[i].type) }
        switch entry(n.name, in: scope) {
        case .scalar(let e)?: return e
        case .tabular?:
            throw KQLError(
                .type, "'\(n.name)' is a tabular expression, not a scalar value", span: n.span,
                hint: "use toscalar(\(n.name)) for its first value")
        case .function(let def, _)? where def.parameters.isEmpty:
            // A function without parameters may be called without parentheses (`let f = () {...}; print f`).
            return try bindCall(n, [], span: n.span, schema: schema, scope: scope, aggregates: nil)
        case .function?:
            throw KQLError(.type, "'\(n.name)' is a function; call it as \(n.name)(...)", span: n.span)
        case nil: break
        }
        if n.name == "$left" || n.name == "$right" {
            throw KQLError(.type, "`\(n.name)` can only be used in a join's `on` clause", span: n.span)
        }
        if let reason = unavailableFunction(n) { throw reason }
        if let e = recursion(n) { throw e }
        let candidates = schema.names + scope.scalarNames
        throw NameSuggestion.unknown(
            "name", n, among: candidates,
            otherwise: schema.names.isEmpty ? nil : "the columns here are: \(schema.names.joined(separator: ", "))")
    }

    private func bindCall(
        _ name: NameSyntax, _ args: [ArgumentSyntax], span: SourceSpan, schema: Schema, scope: Scope,
        aggregates: AggregateCollector?
    ) throws(KQLError) -> BoundExpression {
        let fname = name.name
        if let (qualifier, rest) = Binder.databaseQualified(args) {
            let result = try bindDatabaseFunction(
                name, rest, qualifier: qualifier, span: span, rowSchema: schema, scope: scope)
            guard case .scalar(let e) = result else {
                throw KQLError(.type, "function '\(fname)' returns a table, not a scalar value", span: span)
            }
            return e
        }
        if case .function(let def, let captured)? = entry(fname, in: scope) {
            let result = try bindUserFunction(
                def, captured: captured, name: name, arguments: args, span: span,
                rowSchema: schema, callerScope: scope)
            guard case .scalar(let e) = result else {
                throw KQLError(.type, "function '\(fname)' returns a table, not a scalar value", span: span)
            }
            return e
        }
        if let e = try bindSchemaFunction(fname, args, span: span, schema: schema, scope: scope, aggregates: aggregates)
        {
            return e
        }
        if fname == "toscalar" {
            guard let first = args.first else {
                throw KQLError(.argument, "toscalar() needs a tabular expression", span: span)
            }
            if !isTabular(first.value, scope: scope) {
                // ADX also accepts a scalar expression, evaluated once (`toscalar(rand(10))`).
                return try bindScalar(first.value, schema: Schema([]), scope: scope)
            }
            let q = try bindTabular(first.value, scope: scope)
            let t = try execute(q, span: first.value.span)
            guard let c = t.columns.first else { return .constant(.null, .string) }
            let v = t.rowCount > 0 ? c.value(0) : (c.type == .dynamic ? .dynamic(.null) : .null)
            return .constant(v, c.type)
        }
        if fname == "bin_auto" {
            return try bindBinAuto(args, span: span, schema: schema, scope: scope, aggregates: aggregates)
        }
        if let collector = aggregates, let agg = functions.aggregateFunction(named: fname) {
            let bound = try bindAggregate(agg, args, names: [], span: span, schema: collector.inputSchema, scope: scope)
            guard bound.outputs.count == 1 else {
                throw KQLError(
                    .type, "\(fname)() produces several columns and cannot be used inside an expression", span: span)
            }
            let index = collector.base + collector.outputCount
            collector.aggregates.append(bound)
            collector.outputCount += 1
            return .column(index: index, name: bound.outputs[0].name, type: bound.outputs[0].type)
        }
        if let f = functions.scalarFunction(named: fname) {
            var bound: [BoundExpression] = [], spans: [SourceSpan] = []
            for a in args {
                if case .star = a.value { throw KQLError(.type, "\(fname)() does not take `*`", span: a.value.span) }
                // `typeof(long)` as an argument (extract's result type) is passed as the type's name.
                if case .schema(let s) = a.value {
                    guard !s.includesStar, s.columns.count == 1 else {
                        throw KQLError(.type, "\(fname)() takes a single type here, such as typeof(long)", span: s.span)
                    }
                    bound.append(.constant(.string(s.columns[0].type.rawValue), .string))
                    spans.append(s.span)
                    continue
                }
                bound.append(try bindScalar(a.value, schema: schema, scope: scope, aggregates: aggregates))
                spans.append(a.value.span)
            }
            return try makeCall(f, bound, argumentSpans: spans, span: span)
        }
        if functions.aggregateFunction(named: fname) != nil {
            throw KQLError(.type, "aggregate function \(fname)() can only be used in summarize", span: span)
        }
        if let reason = unavailableFunction(name) { throw reason }
        if let e = recursion(name) { throw e }
        if let e = Binder.unsupportedFunction(name) { throw e }
        throw NameSuggestion.unknown("function", name, among: functions.scalarFunctionNames + functionCandidates(scope))
    }

    /// A call with its result type checked; folded to a constant when every argument is constant.
    ///
    /// `applications` is how many functions the call applies (an operator chain applies one per step).
    /// Past `QueryLimits`' depth or size the query is `E_QUERY_TOO_COMPLEX`: a `let` or user function
    /// is bound into every place that uses it, so this is where nesting and doubling through them show.
    func makeCall(
        _ f: any ScalarFunction, _ args: [BoundExpression], argumentSpans: [SourceSpan],
        span: SourceSpan, applications: Int = 1
    ) throws(KQLError) -> BoundExpression {
        let type: ScalarType
        do {
            type = try f.returnType(args.map(\.argumentInfo))
        } catch {
            throw located(error, argumentSpans: argumentSpans, span: span, function: f.name)
        }
        let extent = ExpressionExtent.call(applying: applications, to: args)
        guard extent.depth <= QueryLimits.maxNestingDepth else {
            throw QueryLimits.tooDeep(
                "function calls and operators (with every `let` and user function expanded)", span: span)
        }
        guard extent.size <= QueryLimits.maxExpressionSize else {
            throw KQLError(
                .queryTooComplex,
                "the expression applies more than \(QueryLimits.maxExpressionSize) functions and operators once every `let` and user function in it is expanded",
                span: span,
                hint:
                    "a user function is expanded wherever it is called, so calls that double at each level grow exponentially; "
                    + "compute the shared part once with `extend` or `let`; see docs/limits.md")
        }
        let call = BoundExpression.call(function: f, arguments: args, type: type, span: span, extent: extent)
        guard f.isDeterministic, !f.needsSerializedInput, args.allSatisfy({ $0.constantValue != nil }) else {
            return call
        }
        let values = args.map { ColumnarValue.scalar($0.constantValue!, $0.type) }
        do {
            let r = try f.evaluate(values, context: FunctionContext(now: now, rowCount: 1, budget: budget))
            switch r {
            case .scalar(let v, _): return .constant(v, type)
            case .column(let c): return c.count == 1 ? .constant(c.value(0), type) : call
            }
        } catch {
            throw located(error, argumentSpans: argumentSpans, span: span, function: f.name)
        }
    }

    func located(_ e: FunctionError, argumentSpans: [SourceSpan], span: SourceSpan, function: String) -> KQLError {
        let where_ = e.argument.flatMap { argumentSpans.indices.contains($0) ? argumentSpans[$0] : nil } ?? span
        return KQLError(e.code, "\(function)(): \(e.message)", span: where_, hint: e.hint)
    }

    /// Binds an aggregate call against the summarize input; `names` are the user's output names.
    func bindAggregate(
        _ f: any AggregateFunction, _ args: [ArgumentSyntax], names: [NameSyntax], span: SourceSpan,
        schema: Schema, scope: Scope, groupKeys: Set<String> = []
    ) throws(KQLError) -> BoundAggregate {
        var bound: [BoundExpression] = [], spans: [SourceSpan] = [], star: [Int] = []
        var sawStar = false
        for a in args {
            if case .star = a.value { sawStar = true; continue }
            bound.append(try bindScalar(a.value, schema: schema, scope: scope))
            spans.append(a.value.span)
        }
        var starFields: [Field] = []
        if sawStar {
            // `*` stands for the columns not already in the output: not the arguments, not the `by` keys.
            let used = Set(bound.compactMap(\.columnName)).union(groupKeys)
            star = schema.fields.indices.filter { !used.contains(schema.fields[$0].name) }
            starFields = star.map { schema.fields[$0] }
        }
        var outputs: [Field]
        do {
            outputs = try f.outputColumns(bound.map(\.argumentInfo), star: starFields)
        } catch {
            throw located(error, argumentSpans: spans, span: span, function: f.name)
        }
        for (i, n) in names.enumerated() where i < outputs.count { outputs[i].name = n.name }
        return BoundAggregate(function: f, arguments: bound, star: star, outputs: outputs, span: span)
    }
}

extension Binder {
    /// `bin_auto(x)`: `bin_at(x, size, at)` with the size and fixed point the script set beforehand
    /// (`set query_bin_auto_size=1h; set query_bin_auto_at=...;`, the point 0 by default).
    func bindBinAuto(
        _ args: [ArgumentSyntax], span: SourceSpan, schema: Schema, scope: Scope,
        aggregates: AggregateCollector?
    ) throws(KQLError) -> BoundExpression {
        guard args.count == 1 else {
            throw KQLError(.type, "bin_auto() expects 1 argument, got \(args.count)", span: span)
        }
        guard let size = queryOptions["query_bin_auto_size"] else {
            throw KQLError(
                .argument, "bin_auto() needs the bin size set before the query", span: span,
                hint: "add `set query_bin_auto_size=1h;` (a number or timespan) before the query")
        }
        let value = try bindScalar(args[0].value, schema: schema, scope: scope, aggregates: aggregates)
        let sizeType = size.type ?? .long
        var bound = [value, .constant(size, sizeType)]
        var f = "bin"
        if let at = queryOptions["query_bin_auto_at"] {
            bound.append(.constant(at, at.type ?? .long)); f = "bin_at"
        }
        guard let kernel = functions.scalarFunction(named: f) else {
            throw KQLError(.unknownName, "unknown function '\(f)'", span: span)
        }
        return try makeCall(kernel, bound, argumentSpans: Array(repeating: span, count: bound.count), span: span)
    }
}
