import Foundation
import Columnar
import KQLSyntax

extension Binder {
    func bindSource(_ s: SourceSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        switch s.kind {
        case .datatable(let columns, let values):
            return try bindDatatable(columns, values, span: s.span, scope: scope)
        case .range(let column, let from, let to, let step):
            return try bindRange(column, from, to, step, span: s.span, scope: scope)
        case .print(let items):
            var out: [(name: String, value: BoundExpression)] = []
            var names = ColumnNamer(existing: [])
            for (i, item) in items.enumerated() {
                if let expanded = try bindPrintExpanding(item, scope: scope) {
                    for c in expanded { out.append((names.unique(c.name), c.value)) }
                    continue
                }
                let e = try bindScalar(item.value, schema: Schema([]), scope: scope)
                let name = item.names.first?.name ?? ColumnNamer.derivedName(item.value) ?? "print_\(i)"
                out.append((names.unique(name), e))
            }
            var q = BoundQuery(source: .print(out), schema: Schema(out.map { Field($0.name, $0.value.type) }))
            q.isSerialized = true
            return q
        case .union(let u):
            let b = try bindUnion(u, input: nil, scope: scope)
            return BoundQuery(source: .union(b), schema: b.schema)
        case .evaluate(let ev):
            let b = try bindEvaluate(ev, input: Schema([]), scope: scope)
            return BoundQuery(source: .evaluate(b), schema: b.schema ?? Schema([]))
        case .find(let f):
            return try bindFind(f, span: s.span, scope: scope)
        case .search(let search):
            return try bindSearch(search, span: s.span, scope: scope)
        case .externalData(let x):
            return try bindExternalData(x, span: s.span, scope: scope)
        case .macroExpand(let m):
            return try bindMacroExpand(m, span: s.span, scope: scope)
        }
    }

    private func bindDatatable(
        _ columns: [ColumnDeclarationSyntax], _ values: [ExpressionSyntax], span: SourceSpan,
        scope: Scope
    ) throws(KQLError) -> BoundQuery {
        guard !columns.isEmpty else { throw KQLError(.argument, "datatable needs at least one column", span: span) }
        guard values.count % columns.count == 0 else {
            throw KQLError(
                .argument,
                "datatable has \(values.count) values for \(columns.count) columns; the count must be a multiple",
                span: span)
        }
        var builders = columns.map { ColumnBuilder(type: $0.type, capacity: values.count / columns.count) }
        for (i, v) in values.enumerated() {
            let c = i % columns.count
            let bound = try bindScalar(v, schema: Schema([]), scope: scope)
            guard let value = bound.constantValue else {
                throw KQLError(.argument, "datatable values must be constants", span: v.span)
            }
            let type = columns[c].type
            if value.isNull { builders[c].appendNull(); continue }
            guard let converted = Cast.value(value, to: type, mode: .implicit) ?? Binder.parseLiteral(value, type)
            else {
                throw KQLError(
                    .type, "column '\(columns[c].name.name)' is \(type.rawValue), the value is \(bound.type.rawValue)",
                    span: v.span)
            }
            builders[c].append(converted)
        }
        let table = Table(columns.indices.map { (columns[$0].name.name, builders[$0].finish()) })
        return BoundQuery(source: .rows(table), schema: table.schema)
    }

    /// A string literal read as a datetime or guid column value, as a file's cell would be.
    static func parseLiteral(_ v: Value, _ t: ScalarType) -> Value? {
        guard case .string = v, t == .datetime || t == .guid else { return nil }
        return Cast.value(v, to: t, mode: .ingest)
    }

    private func bindRange(
        _ column: NameSyntax, _ from: ExpressionSyntax, _ to: ExpressionSyntax, _ step: ExpressionSyntax,
        span: SourceSpan, scope: Scope
    ) throws(KQLError) -> BoundQuery {
        func constant(_ e: ExpressionSyntax) throws(KQLError) -> BoundExpression {
            let b = try bindScalar(e, schema: Schema([]), scope: scope)
            guard b.constantValue != nil else {
                throw KQLError(.argument, "range bounds must be constants", span: e.span)
            }
            return b
        }
        let f = try constant(from), t = try constant(to), s = try constant(step)
        let type: ScalarType
        switch (f.type, t.type) {
        case (.datetime, .datetime):
            guard s.type == .timespan else {
                throw KQLError(.type, "a datetime range needs a timespan step", span: step.span)
            }
            type = .datetime
        case (.timespan, .timespan): type = .timespan
        case (.real, _), (_, .real): type = .real
        case _ where s.type == .real: type = .real  // integer bounds with a real step
        case (.long, .long), (.int, .long), (.long, .int), (.int, .int): type = .long
        default:
            throw KQLError(
                .type,
                "range needs numeric, datetime or timespan bounds, got \(f.type.rawValue) and \(t.type.rawValue)",
                span: from.span.union(to.span))
        }
        let stepType: ScalarType = type == .datetime ? .timespan : type
        switch s.constantValue {
        case .long(0)?, .int(0)?, .timespan(0)?, .real(0)?, .null?:
            throw KQLError(.argument, "range needs a non-zero step", span: step.span)
        default: break
        }
        let r = BoundRange(
            column: column.name, type: type,
            from: try coerce(f, to: type, span: from.span).constantValue ?? .null,
            to: try coerce(t, to: type, span: to.span).constantValue ?? .null,
            step: try coerce(s, to: stepType, span: step.span).constantValue ?? .null, span: span)
        var q = BoundQuery(source: .range(r), schema: Schema([Field(column.name, type)]))
        q.isSerialized = true
        return q
    }

    /// Binds `evaluate plugin(...)`: arguments must be constants, `typeof(...)` schemas or tabular expressions.
    func bindEvaluate(_ ev: EvaluateSyntax, input: Schema, scope: Scope) throws(KQLError) -> BoundEvaluate {
        let pluginName = ev.inlineForm ? "python" : ev.plugin.name
        guard let plugin = plugins[pluginName] ?? plugins[ev.plugin.name] else {
            if ev.plugin.name == "preview" {
                // Its two tables are a statement's results (`bindResults`), which nothing can consume.
                throw Binder.notLastOperator("evaluate preview", ev.plugin.span)
            }
            if let refusal = ServicePlugins.refusal(ev.plugin.name) {
                throw KQLError(.unsupported, refusal.message, span: ev.plugin.span, hint: refusal.hint)
            }
            throw KQLError(
                .unsupported, "plugin '\(ev.plugin.name)' is not available", span: ev.plugin.span,
                hint: plugins.isEmpty ? nil : "available plugins: \(plugins.keys.sorted().joined(separator: ", "))")
        }
        // A bare word that names nothing (`sandbox=minimal`, `hint.distribution=per_node`) is the word
        // itself, as the seed document and ADX write these arguments.
        func constant(_ e: ExpressionSyntax) throws(KQLError) -> (Value, ScalarType) {
            do throws(KQLError) {
                let b = try bindScalar(e, schema: Schema([]), scope: scope)
                guard let v = b.constantValue else {
                    throw KQLError(.argument, "plugin arguments must be constants", span: e.span)
                }
                return (v, b.type)
            } catch {
                if error.code == .unknownName, case .name(let n) = e { return (.string(n.name), .string) }
                throw error
            }
        }
        func argument(_ e: ExpressionSyntax) throws(KQLError) -> PluginArguments.Argument {
            if case .schema(let s) = e { return .schema(s) }
            if isTabular(e, scope: scope) { return .query(try bindTabular(e, scope: scope)) }
            if case .call(let n, let a, _) = e, n.name == "typeof", a.count >= 1, case .schema(let s) = a[0].value {
                return .schema(s)
            }
            if plugin.acceptsRowExpressions {
                let b = try bindScalar(e, schema: input, scope: scope)
                if let v = b.constantValue { return .value(v, b.type) }
                return .expression(b)
            }
            let (v, t) = try constant(e)
            return .value(v, t)
        }
        var positional: [PluginArguments.Argument] = [], named: [String: PluginArguments.Argument] = [:]
        var positionalSpans: [SourceSpan] = [], namedSpans: [String: SourceSpan] = [:]
        if let ops = try plugin.inputOperators(ev.arguments, input: input, span: ev.plugin.span) {
            var q = BoundQuery(source: .input, schema: input)
            var s = scope
            for op in ops { q = try bindOperator(op, input: consume q, scope: &s) }
            named[PluginArguments.inputQueryArgument] = .inputQuery(q)
            return try finishEvaluate(ev, plugin: plugin, positional: [], named: named, scope: scope, input: input)
        }
        for a in ev.arguments {
            if let n = a.name {
                named[n.name] = try argument(a.value)
                namedSpans[n.name] = a.value.span
            } else {
                positional.append(try argument(a.value))
                positionalSpans.append(a.value.span)
            }
        }
        if let code = ev.inlineCode, named["script"] == nil {
            named["script"] = try argument(code)
            namedSpans["script"] = code.span
        }
        var bound = try finishEvaluate(
            ev, plugin: plugin, positional: positional, named: named, scope: scope, input: input)
        bound.arguments.positionalSpans = positionalSpans
        bound.arguments.namedSpans = namedSpans
        bound.arguments.source = source
        return bound
    }

    /// The rest of `bindEvaluate` once the arguments are bound: the output schema and the options.
    private func finishEvaluate(
        _ ev: EvaluateSyntax, plugin: any TabularPlugin, positional: [PluginArguments.Argument],
        named: [String: PluginArguments.Argument], scope: Scope, input: Schema
    ) throws(KQLError) -> BoundEvaluate {
        var named = named
        func constant(_ e: ExpressionSyntax) throws(KQLError) -> Value {
            if case .name(let n) = e, (try? bindScalar(e, schema: Schema([]), scope: scope)) == nil {
                return .string(n.name)
            }
            guard let v = try bindScalar(e, schema: Schema([]), scope: scope).constantValue else {
                throw KQLError(.argument, "plugin options must be constants", span: e.span)
            }
            return v
        }
        if let s = ev.outputSchema {
            guard plugin.name == BagUnpackPlugin().name else {
                throw KQLError(
                    .unsupported, "an output schema after '\(plugin.name)(...)' is not supported; bag_unpack takes one",
                    span: s.span)
            }
            named[BagUnpackPlugin.outputSchemaArgument] = .schema(s)
        }
        var options: [String: Value] = [:]
        for o in ev.options { options[o.name] = try constant(o.value) }
        let args = PluginArguments(
            positional: positional, named: named, options: options, inlineForm: ev.inlineForm,
            queryOptions: queryOptions, span: ev.plugin.span)
        let schema = try plugin.outputSchema(input: input, arguments: args)
        return BoundEvaluate(plugin: plugin, arguments: args, schema: schema)
    }
}
