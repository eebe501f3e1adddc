import Columnar
import KQLSyntax

/// `top-hitters`, `sample-distinct` and `consume`, bound as the operators the reference defines them by.
extension Binder {
    /// `top-hitters N of e [by s]`: the reference defines it as `summarize approximate_count_e = count() by e
    /// | top N by approximate_count_e desc` (`approximate_sum_s = sum(s)` with `by`); the counts here are exact.
    func bindTopHitters(_ q: BoundQuery, _ t: TopHittersSyntax, scope: Scope) throws(KQLError) -> BoundQuery {
        let n = try constantNumber(t.count, scope: scope, what: "top-hitters")
        let valueName = ColumnNamer.derivedName(t.value) ?? "Column1"
        let aggregate: AssignmentSyntax
        if let s = t.summing {
            let summed = try bindScalar(s, schema: q.schema, scope: scope)
            guard [.int, .long, .real, .decimal].contains(summed.type) else {
                throw KQLError(
                    .type, "the summing expression of top-hitters must be a number, but it is \(summed.type.rawValue)",
                    span: s.span)
            }
            let name = "approximate_sum_" + (ColumnNamer.derivedName(s) ?? "Column1")
            aggregate = AssignmentSyntax(
                names: [NameSyntax(name, span: s.span)],
                value: .call(name: NameSyntax("sum", span: s.span), arguments: [ArgumentSyntax(value: s)], span: s.span)
            )
        } else {
            aggregate = AssignmentSyntax(
                names: [NameSyntax("approximate_count_\(valueName)", span: t.value.span)],
                value: .call(name: NameSyntax("count", span: t.value.span), arguments: [], span: t.value.span))
        }
        let s = try bindSummarize(
            SummarizeSyntax(
                options: [], aggregates: [aggregate],
                by: [AssignmentSyntax(names: [NameSyntax(valueName, span: t.value.span)], value: t.value)]),
            schema: q.schema, scope: scope)
        var r = q
        r.append(.summarize(s), producing: s.schema)
        let key = BoundSortKey(
            value: .column(index: 1, name: s.schema.fields[1].name, type: s.schema.fields[1].type),
            ascending: false, nullsFirst: false)
        r.append(.top(BoundTop(count: n, key: key)), producing: s.schema)
        return r
    }

    /// `sample-distinct N of c`: up to N distinct values of `c`, as one column.
    func bindSampleDistinct(_ q: BoundQuery, count: ExpressionSyntax, column: NameSyntax, scope: Scope) throws(KQLError)
        -> BoundQuery
    {
        let n = try constantNumber(count, scope: scope, what: "sample-distinct")
        guard q.schema.index(of: column.name) != nil else { throw unknownColumn(column, q.schema) }
        let s = try bindSummarize(
            SummarizeSyntax(options: [], aggregates: [], by: [AssignmentSyntax(value: .name(column))]),
            schema: q.schema, scope: scope)
        var r = q
        r.append(.summarize(s), producing: s.schema)
        r.append(.take(n), producing: s.schema)
        return r
    }

    /// `consume`'s one option, `decodeblocks`, must be a bool; it changes nothing here (there is nothing to decode).
    func bindConsumeOptions(_ options: [OptionSyntax], scope: Scope) throws(KQLError) {
        for o in options {
            let b = try bindScalar(o.value, schema: Schema([]), scope: scope)
            guard case .bool? = b.constantValue else {
                throw KQLError(.argument, "decodeblocks must be true or false", span: o.span)
            }
        }
    }

    /// A count written as any constant number (`real` counts are truncated), as these operators allow.
    func constantNumber(_ e: ExpressionSyntax, scope: Scope, what: String) throws(KQLError) -> Int {
        let b = try bindScalar(e, schema: Schema([]), scope: scope)
        switch b.constantValue {
        case .long(let v)? where v >= 0: return Int(v)
        case .int(let v)? where v >= 0: return Int(v)
        case .real(let v)? where v >= 0 && v < 9.0e18: return Int(v)
        default: throw KQLError(.argument, "\(what) needs a non-negative constant number of values", span: e.span)
        }
    }
}
