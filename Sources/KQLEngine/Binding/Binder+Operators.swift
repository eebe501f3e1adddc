import Foundation
import Columnar
import KQLSyntax

extension Binder {
    /// Binds one operator applied to `input`; `as` adds a name to `scope`.
    ///
    /// Takes `input` over (callers pass `consume q`), so binding a pipeline appends each operator in place
    /// instead of copying the list so far: a pipeline of many operators binds in linear time.
    func bindOperator(_ op: OperatorSyntax, input: consuming BoundQuery, scope: inout Scope) throws(KQLError)
        -> BoundQuery
    {
        var q = consume input
        if let graph = try bindGraphOperator(op, input: q, scope: scope) { return graph }
        let inputCount = q.operators.count, inputSerialized = q.isSerialized
        switch try bindOperatorKind(op, input: q, scope: &scope) {
        case .appended(let b, let schema):
            q.append(b, producing: schema)
        case .replaced(let r):
            q = r
        }
        switch op.kind {
        case .sort, .top, .serialize, .getschema, .topHitters: q.isSerialized = true
        case .count, .distinct, .evaluate, .join, .lookup, .mvExpand, .mvApply, .makeSeries, .sample, .summarize:
            q.isSerialized = false
        case .partition, .sampleDistinct, .topNested, .reduce: q.isSerialized = false
        case .invoke: break
        default:
            if !inputSerialized, let f = Binder.orderDependentFunction(in: q, afterCount: inputCount) {
                throw KQLError(
                    .type, "function '\(f.name)' cannot be invoked here: the row set must be serialized",
                    span: f.span, hint: "add `| serialize` or `| sort by ...` before it")
            }
            q.isSerialized = inputSerialized
        }
        return q
    }

    /// What binding one operator did to its input.
    private enum OperatorBinding {
        /// Appended an operator producing `schema`.
        case appended(BoundOperator, Schema)
        /// Made another query (`as`, `invoke`, a deferred tail, a `where true` dropped).
        case replaced(BoundQuery)
    }

    /// The first call of a window function (`row_number`, `prev`, ...) in the operator `r` added to a query
    /// of `count` operators.
    static func orderDependentFunction(in r: BoundQuery, afterCount count: Int) -> (name: String, span: SourceSpan)? {
        guard r.operators.count == count + 1, let last = r.operators.last else { return nil }
        let exprs: [BoundExpression]
        switch last {
        case .where(let w): exprs = [w.predicate]
        case .extend(let e): exprs = e.columns.map(\.value)
        case .project(let p): exprs = p.columns.map(\.value)
        default: return nil
        }
        func find(_ e: BoundExpression) -> (String, SourceSpan)? {
            guard case .call(let f, let args, _, let span, _) = e else { return nil }
            if f.needsSerializedInput { return (f.name, span) }
            for a in args { if let hit = find(a) { return hit } }
            return nil
        }
        for e in exprs { if let hit = find(e) { return hit } }
        return nil
    }

    private func bindOperatorKind(_ op: OperatorSyntax, input q: BoundQuery, scope: inout Scope) throws(KQLError)
        -> OperatorBinding
    {
        // After a plugin whose output is inferred, the rest of the pipeline is bound against the table
        // it actually produced, when it has run (never against a placeholder schema).
        if q.schemaIsDeferred {
            if case .deferred(var d)? = q.operators.last {
                var r = q
                d.operators.append(op)
                r.operators[r.operators.count - 1] = .deferred(d)
                return .replaced(r)
            }
            return .appended(.deferred(DeferredOperators(operators: [op], scope: scope)), q.schema)
        }
        let schema = q.schema
        func appending(_ b: BoundOperator, _ s: Schema) -> OperatorBinding { .appended(b, s) }
        switch op.kind {
        case .where(let e):
            let p = try bindScalar(e, schema: schema, scope: scope)
            guard p.type == .bool || (p.type == .dynamic) else {
                throw KQLError(.type, "the `where` condition must be bool, but it is \(p.type.rawValue)", span: e.span)
            }
            if case .constant(.bool(true), _) = p { return .replaced(q) }
            return appending(.where(BoundWhere(predicate: p)), schema)
        case .extend(let items):
            if hasMultiColumnCall(items, scope: scope) {
                return .replaced(try bindExtendExpanding(items, input: q, scope: scope))
            }
            let (b, s) = try bindExtend(items, schema: schema, scope: scope)
            return appending(.extend(b), s)
        case .serialize(let items):
            guard !items.isEmpty else { return .replaced(q) }
            let (b, s) = try bindExtend(items, schema: schema, scope: scope)
            return appending(.extend(b), s)
        case .project(let items):
            if hasMultiColumnCall(items, scope: scope) {
                return .replaced(try bindProjectExpanding(items, input: q, scope: scope))
            }
            let b = try bindProject(items, schema: schema, scope: scope)
            return appending(.project(b), Schema(b.columns.map { Field($0.name, $0.value.type) }))
        case .projectAway(let patterns):
            let drop = try matching(patterns, schema)
            return projecting(q, schema.fields.indices.filter { !drop.contains($0) })
        case .projectByNames(let specifiers):
            return projecting(q, try projectByNamesColumns(specifiers, schema: schema, scope: scope))
        case .projectKeep(let patterns):
            let keep = try matching(patterns, schema)
            return projecting(q, schema.fields.indices.filter { keep.contains($0) })
        case .projectRename(let pairs):
            var names = schema.names
            for (new, old) in pairs {
                guard let i = schema.index(of: old.name) else { throw unknownColumn(old, schema) }
                names[i] = new.name
            }
            guard Set(names).count == names.count else {
                throw KQLError(.argument, "project-rename would produce two columns with the same name", span: op.span)
            }
            return projecting(q, Array(schema.fields.indices), names: names)
        case .projectReorder(let patterns):
            return try bindReorder(patterns, q)
        case .count(let name):
            let n = name?.name ?? "Count"
            return appending(.count(name: n), Schema([Field(n, .long)]))
        case .distinct(let columns, _):
            var idx: [Int] = []
            for c in columns {
                switch c {
                case .star: idx.append(contentsOf: schema.fields.indices)
                case .name(let n):
                    guard let i = schema.index(of: n.name) else { throw unknownColumn(n, schema) }
                    idx.append(i)
                default:
                    throw KQLError(
                        .unsupported, "distinct over expressions is not supported yet; extend the column first",
                        span: c.span)
                }
            }
            return appending(.distinct(BoundDistinct(columns: idx)), Schema(idx.map { schema.fields[$0] }))
        case .evaluate(let ev):
            let b = try bindEvaluate(ev, input: schema, scope: scope)
            return appending(.evaluate(b), b.schema ?? schema)
        case .getschema:
            return appending(
                .getschema,
                Schema([
                    Field("ColumnName", .string), Field("ColumnOrdinal", .int),
                    Field("DataType", .string), Field("ColumnType", .string),
                ]))
        case .invoke(let fn, let args):
            guard case .function(let def, let captured)? = entry(fn.name, in: scope) else {
                if let reason = unavailableFunction(fn) { throw reason }
                throw NameSuggestion.unknown("function", fn, among: functionCandidates(scope))
            }
            // The input is materialized and the body becomes the pipeline: the body may read its
            // table parameter while being bound (`toscalar(T | summarize ...)`), and reads it once.
            var input = BoundQuery(source: .materialized(id: makeMaterializeID(), q), schema: schema)
            input.isSerialized = q.isSerialized
            let r = try bindUserFunction(
                def, captured: captured, name: fn, arguments: args, span: op.span,
                rowSchema: Schema([]), callerScope: scope, input: input)
            guard case .tabular(let body) = r else {
                throw KQLError(.type, "invoke needs a function that returns a table", span: fn.span)
            }
            return .replaced(body)
        case .join(let j):
            return try joining(
                q, options: j.options, rightSyntax: j.right, conditions: j.conditions, lookup: false,
                scope: scope, span: op.keywordSpan)
        case .lookup(let l):
            return try joining(
                q, options: l.options, rightSyntax: l.right, conditions: l.conditions, lookup: true,
                scope: scope, span: op.keywordSpan)
        case .mvExpand(let m):
            let (b, s) = try bindMvExpand(m, schema: schema, scope: scope)
            return appending(.mvExpand(b), s)
        case .makeSeries(let m):
            let b = try bindMakeSeries(m, schema: schema, scope: scope, span: op.keywordSpan)
            return appending(.makeSeries(b), b.schema)
        case .mvApply(let m):
            let b = try bindMvApply(m, schema: schema, scope: scope)
            return appending(.mvApply(b), b.schema)
        case .parse(let p):
            let (b, s) = try bindParse(p, schema: schema, scope: scope)
            return appending(.parse(b), s)
        case .sort(let keys, _):
            var bound: [BoundSortKey] = []
            for k in keys { bound.append(try bindSortKey(k, schema: schema, scope: scope)) }
            return appending(.sort(BoundSort(keys: bound)), schema)
        case .top(let count, let key):
            let n = try constantCount(count, scope: scope, what: "top")
            return appending(.top(BoundTop(count: n, key: try bindSortKey(key, schema: schema, scope: scope))), schema)
        case .take(let count):
            return appending(.take(try constantCount(count, scope: scope, what: "take")), schema)
        case .sample(let count):
            return appending(.sample(try constantCount(count, scope: scope, what: "sample")), schema)
        case .render(let kind, let properties):
            return appending(
                .render(try bindRender(kind: kind, properties: properties, input: q, scope: scope)), schema)
        case .summarize(let s):
            let b = try bindSummarize(s, schema: schema, scope: scope)
            return appending(.summarize(b), b.schema)
        case .search(let s):
            return .replaced(try bindSearch(s, input: q, span: op.keywordSpan, scope: scope))
        case .union(let u):
            let b = try bindUnion(u, input: q, scope: scope)
            return appending(.union(b), b.schema)
        case .as(let name, _):
            scope[name.name] = .tabular(q)
            return .replaced(q)
        case .scan(let s):
            let b = try bindScan(s, schema: schema, scope: scope)
            return appending(.scan(b), b.schema)
        case .reduce(let r):
            let b = try bindReduce(r, schema: schema, scope: scope)
            return appending(.reduce(b), b.schema)
        case .parseKv(let p):
            let b = try bindParseKv(p, schema: schema, scope: scope)
            return appending(.parseKv(b), b.schema)
        case .partition(let p):
            let b = try bindPartition(p, schema: schema, scope: scope, span: op.keywordSpan)
            return appending(.partition(b), b.schema)
        case .topNested(let t):
            let b = try bindTopNested(t, schema: schema, scope: scope)
            return appending(.topNested(b), b.schema)
        case .consume(let options):
            try bindConsumeOptions(options, scope: scope)
            return appending(.take(0), schema)
        case .sampleDistinct(let count, let column):
            return .replaced(try bindSampleDistinct(q, count: count, column: column, scope: scope))
        case .topHitters(let t):
            return .replaced(try bindTopHitters(q, t, scope: scope))
        case .fork:
            throw Binder.notLastOperator("fork", op.keywordSpan)
        case .facet:
            throw Binder.notLastOperator("facet", op.keywordSpan)
        case .makeGraph, .graphMatch, .graphToTable, .graphMarkComponents:
            // `bindGraphOperator` (Binder+Graph.swift) binds these before this switch is reached.
            throw KQLError(
                .runtime, "a graph operator reached the binder of table operators", span: op.keywordSpan,
                hint: "this is a bug in sandpiper; please report the query")
        }
    }

    /// `q` joined with the right side; when that side's schema is known only once it ran, the join is
    /// bound then (`DeferredJoin`), against its real table.
    private func joining(
        _ q: BoundQuery, options: [OptionSyntax], rightSyntax: ExpressionSyntax, conditions: [JoinConditionSyntax],
        lookup: Bool, scope: Scope, span: SourceSpan
    ) throws(KQLError) -> OperatorBinding {
        let right = try bindTabular(rightSyntax, scope: scope)
        if right.schemaIsDeferred {
            return .appended(
                .deferredJoin(
                    DeferredJoin(
                        options: options, conditions: conditions, lookup: lookup, span: span,
                        right: right)), q.schema)
        }
        let b = try bindJoin(
            options: options, right: right, conditions: conditions, lookup: lookup, left: q.schema, span: span)
        return .appended(.join(b), b.schema)
    }

    func unknownColumn(_ n: NameSyntax, _ schema: Schema) -> KQLError {
        NameSuggestion.unknown(
            "column", n, among: schema.names,
            otherwise: "the columns here are: \(schema.names.joined(separator: ", "))")
    }

    func constantCount(_ e: ExpressionSyntax, scope: Scope, what: String) throws(KQLError) -> Int {
        let b = try bindScalar(e, schema: Schema([]), scope: scope)
        switch b.constantValue {
        case .long(let v)? where v >= 0: return Int(v)
        case .int(let v)? where v >= 0: return Int(v)
        default: throw KQLError(.argument, "\(what) needs a non-negative whole number", span: e.span)
        }
    }

    func bindSortKey(_ k: SortKeySyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundSortKey {
        let asc = k.ascending ?? false
        return BoundSortKey(
            value: try bindScalar(k.value, schema: schema, scope: scope), ascending: asc,
            nullsFirst: k.nullsFirst ?? asc)
    }

    /// A projection keeping input columns `indices`, optionally renamed.
    private func projecting(_ q: BoundQuery, _ indices: [Int], names: [String]? = nil) -> OperatorBinding {
        let cols = indices.map { i in
            (
                name: names?[i] ?? q.schema.fields[i].name,
                value: BoundExpression.column(index: i, name: q.schema.fields[i].name, type: q.schema.fields[i].type)
            )
        }
        return .appended(.project(BoundProject(columns: cols)), Schema(cols.map { Field($0.name, $0.value.type) }))
    }

    /// Input columns matched by any pattern; a pattern without `*` must match a column.
    private func matching(_ patterns: [ColumnPatternSyntax], _ schema: Schema) throws(KQLError) -> Set<Int> {
        var out = Set<Int>()
        for p in patterns {
            let hits = schema.fields.indices.filter { Wildcard.matches(p.pattern, schema.fields[$0].name) }
            if hits.isEmpty, !p.pattern.contains("*") {
                throw unknownColumn(NameSyntax(p.pattern, span: p.span), schema)
            }
            out.formUnion(hits)
        }
        return out
    }

    private func bindReorder(_ patterns: [ColumnPatternSyntax], _ q: BoundQuery) throws(KQLError) -> OperatorBinding {
        let schema = q.schema
        var order: [Int] = [], placed = Set<Int>()
        for p in patterns {
            var hits = schema.fields.indices.filter {
                !placed.contains($0) && Wildcard.matches(p.pattern, schema.fields[$0].name)
            }
            if hits.isEmpty, !p.pattern.contains("*") {
                throw unknownColumn(NameSyntax(p.pattern, span: p.span), schema)
            }
            switch p.order?.lowercased() {
            case "asc"?: hits.sort { schema.fields[$0].name < schema.fields[$1].name }
            case "desc"?: hits.sort { schema.fields[$0].name > schema.fields[$1].name }
            case "granny-asc"?: hits.sort { Wildcard.grannyLess(schema.fields[$0].name, schema.fields[$1].name) }
            case "granny-desc"?: hits.sort { Wildcard.grannyLess(schema.fields[$1].name, schema.fields[$0].name) }
            default: break
            }
            order.append(contentsOf: hits); placed.formUnion(hits)
        }
        order.append(contentsOf: schema.fields.indices.filter { !placed.contains($0) })
        return projecting(q, order)
    }

    func bindExtend(_ items: [AssignmentSyntax], schema: Schema, scope: Scope) throws(KQLError) -> (BoundExtend, Schema)
    {
        var fields = schema.fields
        var namer = ColumnNamer(existing: schema.names)
        var cols: [(name: String, value: BoundExpression)] = []
        let outer = extendInputWidth
        extendInputWidth = schema.fields.count
        defer { extendInputWidth = outer }
        // Each item sees the columns the earlier items added (`extend a = 1, b = a + 1`).
        for item in items {
            guard item.names.count <= 1 else {
                throw KQLError(
                    .unsupported, "assigning several names at once is not supported yet", span: item.value.span)
            }
            let e = try bindScalar(item.value, schema: Schema(fields), scope: scope)
            let name =
                item.names.first?.name ?? ColumnNamer.derivedName(item.value)
                ?? (ColumnNamer.takesBoundColumnName(item.value) ? e.columnName : nil) ?? namer.anonymous()
            namer.take(name)
            if let i = fields.firstIndex(where: { $0.name == name }) {
                fields[i].type = e.type
            } else {
                fields.append(Field(name, e.type))
            }
            cols.append((name, e))
        }
        return (BoundExtend(columns: cols), Schema(fields))
    }

    func bindProject(_ items: [AssignmentSyntax], schema: Schema, scope: Scope) throws(KQLError) -> BoundProject {
        var namer = ColumnNamer(existing: [])
        var cols: [(name: String, value: BoundExpression)] = []
        for item in items {
            guard item.names.count <= 1 else {
                throw KQLError(
                    .unsupported, "assigning several names at once is not supported yet", span: item.value.span)
            }
            if item.names.isEmpty, case .name(let n) = item.value, n.name.contains("*") {
                for i in schema.fields.indices where Wildcard.matches(n.name, schema.fields[i].name) {
                    let f = schema.fields[i]
                    cols.append((namer.unique(f.name), .column(index: i, name: f.name, type: f.type)))
                }
                continue
            }
            if item.names.isEmpty, case .name(let n) = item.value, schema.index(of: n.name) == nil {
                throw unknownColumn(n, schema)
            }
            let e = try bindScalar(item.value, schema: schema, scope: scope)
            let name =
                item.names.first?.name ?? ColumnNamer.derivedName(item.value)
                ?? (ColumnNamer.takesBoundColumnName(item.value) ? e.columnName : nil) ?? namer.anonymous()
            if let i = cols.firstIndex(where: { $0.name == name }) {
                throw KQLError(.argument, "project names column '\(cols[i].name)' twice", span: item.value.span)
            }
            namer.take(name)
            cols.append((name, e))
        }
        return BoundProject(columns: cols)
    }
}

/// `*` wildcards in column patterns, and project-reorder's "granny" order (numbers compared as numbers).
enum Wildcard {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        guard pattern.contains("*") else { return pattern == name }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(name)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (k, part) in parts.enumerated().dropFirst() {
            if k == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard !part.isEmpty else { continue }
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    static func grannyLess(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric]) == .orderedAscending
    }
}
