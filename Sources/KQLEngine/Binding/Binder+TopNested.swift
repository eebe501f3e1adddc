import Columnar
import KQLSyntax

/// `top-nested` after binding: per level, the value expression and a `summarize agg by $parent, $value`
/// over the input extended with the group each row is in (`$parent`) and its value (`$value`).
public struct BoundTopNested: Sendable {
    public struct Level: Sendable {
        /// Nil: every value.
        public var count: Int?
        public var value: BoundExpression
        /// The `with others=` constant, of the value's type.
        public var others: Value?
        public var ascending: Bool
        /// Over the input's columns, then `$parent` (long) and `$value`: yields `[$parent, $value, aggregate]`.
        public var summarize: BoundSummarize
    }
    public var levels: [Level]
    /// Per level its value column, then its aggregate column.
    public var schema: Schema
}

extension Binder {
    func bindTopNested(_ t: TopNestedSyntax, schema: Schema, scope: Scope) throws(KQLError) -> BoundTopNested {
        var levels: [BoundTopNested.Level] = []
        var fields: [Field] = []
        var namer = ColumnNamer(existing: [])
        for level in t.levels {
            var count: Int?
            if let c = level.count { count = try constantNumber(c, scope: scope, what: "top-nested") }
            guard level.value.names.count <= 1, level.aggregate.names.count <= 1 else {
                throw KQLError(.argument, "a top-nested level names one value and one aggregate", span: level.span)
            }
            let value = try bindScalar(level.value.value, schema: schema, scope: scope)
            let valueName =
                level.value.names.first?.name ?? ColumnNamer.derivedName(level.value.value) ?? namer.anonymous()
            let aggregateName = level.aggregate.names.first?.name ?? "aggregated_\(valueName)"
            for (n, span) in [(valueName, level.value.value.span), (aggregateName, level.aggregate.value.span)]
            where namer.used.contains(n) {
                throw KQLError(
                    .argument, "top-nested produces two columns named '\(n)'", span: span,
                    hint: "name one of them: Name = ...")
            }
            if valueName == aggregateName {
                throw KQLError(
                    .argument, "top-nested produces two columns named '\(valueName)'", span: level.aggregate.value.span,
                    hint: "name one of them: Name = ...")
            }
            namer.take(valueName); namer.take(aggregateName)
            var others: Value?
            if let o = level.others {
                let b = try bindScalar(o, schema: Schema([]), scope: scope)
                guard let v = b.constantValue else {
                    throw KQLError(.argument, "the others value must be a constant", span: o.span)
                }
                guard let c = Cast.value(v, to: value.type, mode: .implicit) else {
                    throw KQLError(
                        .type,
                        "the others value is \(b.type.rawValue), but the level's values are \(value.type.rawValue)",
                        span: o.span)
                }
                others = c
            }
            let extended = Schema(schema.fields + [Field("$parent", .long), Field("$value", value.type)])
            let span = level.aggregate.value.span
            let s = try bindSummarize(
                SummarizeSyntax(
                    options: [],
                    aggregates: [
                        AssignmentSyntax(
                            names: [NameSyntax(aggregateName, span: span)],
                            value: level.aggregate.value)
                    ],
                    by: [
                        AssignmentSyntax(value: .name(NameSyntax("$parent", span: span))),
                        AssignmentSyntax(value: .name(NameSyntax("$value", span: span))),
                    ]),
                schema: extended, scope: scope)
            guard s.schema.fields.count == 3 else {
                throw KQLError(.argument, "the aggregation of a top-nested level must produce one value", span: span)
            }
            levels.append(
                BoundTopNested.Level(
                    count: count, value: value, others: others, ascending: level.ascending, summarize: s))
            fields += [Field(valueName, value.type), Field(aggregateName, s.schema.fields[2].type)]
        }
        return BoundTopNested(levels: levels, schema: Schema(fields))
    }
}
