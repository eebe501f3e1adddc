import Columnar
import KQLSyntax

/// Functions that return several columns (`series_fit_line`, `series_decompose_anomalies`, ...), expanded
/// where ADX allows them: alone as an `extend`, `project` or `print` item.
///
/// The call is evaluated once per row into a hidden column holding its components; each component column
/// reads that. Names follow the pages: `(a, b, c) = f(x)` names the first components — `extend` keeps only
/// those, `project` keeps the rest under their default names — and `f(x)` alone names every component
/// `f_x_<component>` (`series_fit_2lines_x_rsquare`).
extension Binder {
    /// The multi-column function `e` calls, when it is such a call (a user function of the same name wins).
    func multiColumnCall(_ e: ExpressionSyntax, scope: Scope) -> (any MultiColumnFunction)? {
        guard case .call(let name, let args, _) = e else { return nil }
        if case .function? = scope[name.name] { return nil }
        guard let f = functions.scalarFunction(named: name.name) as? MultiColumnFunction, f.expands(args) else {
            return nil
        }
        return f
    }

    /// True when some item of an `extend`, `project` or `print` is a multi-column call.
    func hasMultiColumnCall(_ items: [AssignmentSyntax], scope: Scope) -> Bool {
        items.contains { multiColumnCall($0.value, scope: scope) != nil }
    }

    /// The hidden column's expression and the components' names and types.
    private func bindMultiColumn(
        _ f: any MultiColumnFunction, _ item: AssignmentSyntax, schema: Schema,
        scope: Scope
    ) throws(KQLError) -> (call: BoundExpression, columns: [Field], keep: Int) {
        guard case .call(let name, let args, let span) = item.value else {
            preconditionFailure("checked by multiColumnCall")
        }
        var bound: [BoundExpression] = [], spans: [SourceSpan] = []
        for a in args {
            if case .star = a.value { throw KQLError(.type, "\(name.name)() does not take `*`", span: a.value.span) }
            bound.append(try bindScalar(a.value, schema: schema, scope: scope))
            spans.append(a.value.span)
        }
        let components: [Field]
        do { components = try f.components(bound.map(\.argumentInfo)) } catch {
            throw located(error, argumentSpans: spans, span: span, function: name.name)
        }
        guard item.names.count <= components.count else {
            throw KQLError(
                .argument,
                "\(name.name)() returns \(components.count) columns, but \(item.names.count) names are given",
                span: item.names[components.count].span)
        }
        let call = try makeCall(MultiColumnCall(function: f), bound, argumentSpans: spans, span: span)
        let defaults = f.defaultNames(
            function: name.name, argumentNames: args.map { ColumnNamer.derivedName($0.value) },
            components: components)
        let columns = components.enumerated().map { k, c in
            Field(k < item.names.count ? item.names[k].name : defaults[k], c.type)
        }
        return (call, columns, item.names.isEmpty ? components.count : item.names.count)
    }

    /// `extend` with multi-column items: one extend with the hidden columns, then a projection without them.
    func bindExtendExpanding(_ items: [AssignmentSyntax], input q: BoundQuery, scope: Scope) throws(KQLError)
        -> BoundQuery
    {
        var fields = q.schema.fields
        var namer = ColumnNamer(existing: fields.map(\.name))
        var cols: [(name: String, value: BoundExpression)] = []
        var hidden: Set<String> = []
        func put(_ name: String, _ e: BoundExpression) {
            namer.take(name)
            if let i = fields.firstIndex(where: { $0.name == name }) {
                fields[i].type = e.type
            } else {
                fields.append(Field(name, e.type))
            }
            cols.append((name, e))
        }
        for item in items {
            guard let f = multiColumnCall(item.value, scope: scope) else {
                let (b, _) = try bindExtend([item], schema: Schema(fields), scope: scope)
                for c in b.columns { put(c.name, c.value) }
                continue
            }
            let m = try bindMultiColumn(f, item, schema: Schema(fields), scope: scope)
            let temp = namer.unique("$\(f.name)_result")
            hidden.insert(temp)
            put(temp, m.call)
            let source = BoundExpression.column(index: fields.count - 1, name: temp, type: .dynamic)
            for (k, c) in m.columns.prefix(m.keep).enumerated() {
                put(c.name, component(k, c.type, of: source, span: item.value.span))
            }
        }
        var r = q
        r.operators.append(.extend(BoundExtend(columns: cols)))
        let kept = fields.indices.filter { !hidden.contains(fields[$0].name) }
        r.operators.append(
            .project(
                BoundProject(
                    columns: kept.map {
                        (fields[$0].name, .column(index: $0, name: fields[$0].name, type: fields[$0].type))
                    })))
        r.schema = Schema(kept.map { fields[$0] })
        return r
    }

    /// `project` with multi-column items: an extend computing the hidden columns, then the projection.
    func bindProjectExpanding(_ items: [AssignmentSyntax], input q: BoundQuery, scope: Scope) throws(KQLError)
        -> BoundQuery
    {
        let inputCount = q.schema.fields.count
        var fields = q.schema.fields
        var namer = ColumnNamer(existing: fields.map(\.name))
        var hiddenCols: [(name: String, value: BoundExpression)] = []
        var expansions: [Int: (source: BoundExpression, columns: [Field], span: SourceSpan)] = [:]
        for (i, item) in items.enumerated() {
            guard let f = multiColumnCall(item.value, scope: scope) else { continue }
            let m = try bindMultiColumn(f, item, schema: q.schema, scope: scope)
            let temp = namer.unique("$\(f.name)_result")
            hiddenCols.append((temp, m.call))
            fields.append(Field(temp, .dynamic))
            expansions[i] = (.column(index: fields.count - 1, name: temp, type: .dynamic), m.columns, item.value.span)
        }
        let extended = Schema(fields)
        var out: [(name: String, value: BoundExpression)] = []
        func add(_ name: String, _ e: BoundExpression, _ span: SourceSpan) throws(KQLError) {
            guard !out.contains(where: { $0.name == name }) else {
                throw KQLError(.argument, "project names column '\(name)' twice", span: span)
            }
            out.append((name, e))
        }
        for (i, item) in items.enumerated() {
            if let x = expansions[i] {
                for (k, c) in x.columns.enumerated() {
                    try add(c.name, component(k, c.type, of: x.source, span: x.span), x.span)
                }
                continue
            }
            let p = try bindProject([item], schema: extended, scope: scope)
            for c in p.columns {
                // A `*` pattern sees the input's columns, never the hidden ones.
                if case .column(let index, _, _) = c.value, index >= inputCount { continue }
                try add(c.name, c.value, item.value.span)
            }
        }
        var r = q
        r.operators.append(.extend(BoundExtend(columns: hiddenCols)))
        r.operators.append(.project(BoundProject(columns: out)))
        r.schema = Schema(out.map { Field($0.name, $0.value.type) })
        return r
    }

    /// `print` items with multi-column calls: every component read from the (constant) call.
    func bindPrintExpanding(_ item: AssignmentSyntax, scope: Scope) throws(KQLError) -> [(
        name: String, value: BoundExpression
    )]? {
        guard let f = multiColumnCall(item.value, scope: scope) else { return nil }
        let m = try bindMultiColumn(f, item, schema: Schema([]), scope: scope)
        return m.columns.enumerated().map { k, c in (c.name, component(k, c.type, of: m.call, span: item.value.span)) }
    }

    private func component(_ k: Int, _ type: ScalarType, of source: BoundExpression, span: SourceSpan)
        -> BoundExpression
    {
        if case .constant(.dynamic(.array(let items)), _) = source {
            let v: Value = k < items.count ? .dynamic(items[k]) : .null
            let typed = type == .dynamic ? v : Cast.explicit(v, to: type)
            return .constant(type == .dynamic && typed.isNull ? .dynamic(.null) : typed, type)
        }
        return .call(
            function: ColumnComponent(index: k, type: type), arguments: [source], type: type, span: span,
            extent: ExpressionExtent.call(applying: 1, to: [source]))
    }
}
