import Columnar
import KQLSyntax

extension Binder {
    /// Binds `summarize`: output is the `by` columns, then the aggregates, in the order written.
    func bindSummarize(_ s: SummarizeSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundSummarize {
        var namer = ColumnNamer(existing: [])
        var keys: [(name: String, value: BoundExpression)] = []
        for item in s.by {
            if let n = item.names.first, namer.used.contains(n.name) { throw duplicateColumn(n) }
            let e = try bindScalar(item.value, schema: schema, scope: scope)
            let name = item.names.first?.name ?? ColumnNamer.derivedName(item.value) ?? namer.anonymous()
            keys.append((namer.unique(name), e))
        }
        let keySchema = Schema(keys.map { Field($0.name, $0.value.type) })
        var aggregates: [BoundAggregate] = []
        var outputCount = 0
        var post: [(name: String, value: BoundExpression)] = keys.enumerated().map {
            ($0.element.name, .column(index: $0.offset, name: $0.element.name, type: $0.element.value.type))
        }
        var needsPost = false
        for item in s.aggregates {
            if case .call(let name, let args, let span) = Binder.unparenthesized(item.value),
                entry(name.name, in: scope) == nil, let f = functions.aggregateFunction(named: name.name)
            {
                var agg = try bindAggregate(
                    f, args, names: item.names, span: span, schema: schema, scope: scope,
                    groupKeys: Set(keys.compactMap { $0.value.columnName }))
                for n in item.names where namer.used.contains(n.name) { throw duplicateColumn(n) }
                for k in agg.outputs.indices { agg.outputs[k].name = namer.unique(agg.outputs[k].name) }
                for o in agg.outputs {
                    post.append((o.name, .column(index: keys.count + outputCount, name: o.name, type: o.type)))
                    outputCount += 1
                }
                aggregates.append(agg)
                continue
            }
            let collector = AggregateCollector(inputSchema: schema, base: keys.count + outputCount)
            let e = try bindScalar(item.value, schema: keySchema, scope: scope, aggregates: collector)
            guard !collector.aggregates.isEmpty else {
                throw KQLError(
                    .type, "a summarize result must use an aggregate function such as count() or sum()",
                    span: item.value.span,
                    hint: "group by it instead: `summarize ... by \(item.names.first?.name ?? "expr")`")
            }
            aggregates.append(contentsOf: collector.aggregates)
            outputCount += collector.outputCount
            if let n = item.names.first, namer.used.contains(n.name) { throw duplicateColumn(n) }
            let name = item.names.first?.name ?? namer.anonymous()
            post.append((namer.unique(name), e))
            needsPost = true
        }
        return BoundSummarize(
            keys: keys, aggregates: aggregates, post: needsPost ? post : nil,
            schema: Schema(post.map { Field($0.name, $0.value.type) }))
    }

    private func duplicateColumn(_ n: NameSyntax) -> KQLError {
        KQLError(
            .argument, "summarize produces two columns named '\(n.name)'", span: n.span,
            hint: "give one of them another name")
    }

    static func unparenthesized(_ e: ExpressionSyntax) -> ExpressionSyntax {
        if case .parenthesized(let inner, _) = e { return unparenthesized(inner) }
        return e
    }
}
