import Columnar
import KQLSyntax

/// The functions whose meaning depends on the row's columns or on constants known while binding, so the
/// binder resolves them itself: `bag_pack_columns`, `column_ifexists`, `column_names_of`, `pack_all`,
/// `estimate_data_size` and `assert`.
extension Binder {
    /// The bound call of one of these functions, or nil when `fname` is none of them.
    func bindSchemaFunction(
        _ fname: String, _ args: [ArgumentSyntax], span: SourceSpan, schema: Schema,
        scope: Scope, aggregates: AggregateCollector?
    ) throws(KQLError) -> BoundExpression? {
        switch fname {
        case "column_ifexists", "columnifexists":
            // The column when the row has it, else the default expression (which may name another column).
            guard args.count == 2 else {
                throw KQLError(.argument, "\(fname)() takes 2 arguments: a column name and a default value", span: span)
            }
            let nameArg = try bindScalar(args[0].value, schema: schema, scope: scope, aggregates: aggregates)
            guard case .string(let column)? = nameArg.constantValue else {
                throw KQLError(
                    .argument, "\(fname)() needs the column name as a constant string", span: args[0].value.span)
            }
            if let i = schema.index(of: column) {
                return .column(index: i, name: column, type: schema.fields[i].type)
            }
            return try bindScalar(args[1].value, schema: schema, scope: scope, aggregates: aggregates)
        case "bag_pack_columns":
            // bag_pack("c1", c1, "c2", c2, ...): the columns' names are the bag's keys.
            guard !args.isEmpty, let pack = functions.scalarFunction(named: "bag_pack") else {
                throw KQLError(.argument, "bag_pack_columns() takes one or more columns", span: span)
            }
            var bound: [BoundExpression] = [], spans: [SourceSpan] = []
            for a in args {
                guard case .name(let n) = a.value else {
                    throw KQLError(.argument, "bag_pack_columns() takes columns, not expressions", span: a.value.span)
                }
                let value = try bindScalar(a.value, schema: schema, scope: scope, aggregates: aggregates)
                bound += [.constant(.string(n.name), .string), value]
                spans += [a.value.span, a.value.span]
            }
            return try makeCall(pack, bound, argumentSpans: spans, span: span)
        case "column_names_of":
            // The names of a tabular expression's columns, known from its schema without running it.
            guard args.count == 1, isTabular(args[0].value, scope: scope) else {
                throw KQLError(.argument, "column_names_of() takes one tabular expression", span: span)
            }
            let q = try bindTabular(args[0].value, scope: scope)
            return .constant(.dynamic(.array(q.schema.names.map { .string($0) })), .dynamic)
        case "pack_all":
            guard args.count <= 1 else { throw KQLError(.argument, "pack_all() takes at most 1 argument", span: span) }
            var ignoreNullEmpty = false
            if let a = args.first {
                let flag = try bindScalar(a.value, schema: schema, scope: scope, aggregates: aggregates)
                guard case .bool(let b)? = flag.constantValue else {
                    throw KQLError(
                        .argument, "pack_all() takes a constant bool (ignore null and empty values)", span: a.value.span
                    )
                }
                ignoreNullEmpty = b
            }
            let width = min(extendInputWidth ?? schema.fields.count, schema.fields.count)
            let columns = schema.fields.prefix(width).enumerated().map {
                BoundExpression.column(index: $0.offset, name: $0.element.name, type: $0.element.type)
            }
            let f = PackAllFunction(names: schema.fields.prefix(width).map(\.name), ignoreNullEmpty: ignoreNullEmpty)
            return try makeCall(f, columns, argumentSpans: columns.map { _ in span }, span: span)
        case "estimate_data_size":
            guard !args.isEmpty else {
                throw KQLError(
                    .argument, "estimate_data_size() needs column references, or `*` for all columns", span: span)
            }
            var bound: [BoundExpression] = [], spans: [SourceSpan] = []
            for a in args {
                if case .star = a.value {
                    for (i, f) in schema.fields.enumerated() {
                        bound.append(.column(index: i, name: f.name, type: f.type)); spans.append(span)
                    }
                } else {
                    bound.append(try bindScalar(a.value, schema: schema, scope: scope, aggregates: aggregates))
                    spans.append(a.value.span)
                }
            }
            return try makeCall(EstimateDataSizeFunction(), bound, argumentSpans: spans, span: span)
        case "assert":
            guard args.count == 2 else {
                throw KQLError(.argument, "assert() takes 2 arguments: a condition and a message", span: span)
            }
            let condition = try bindScalar(args[0].value, schema: schema, scope: scope, aggregates: aggregates)
            let message = try bindScalar(args[1].value, schema: schema, scope: scope, aggregates: aggregates)
            // The reference evaluates assert() while the query is analysed, so both must be constants then.
            guard case .bool(let holds)? = condition.constantValue else {
                throw KQLError(
                    .argument, "assert() needs a condition that is a constant bool when the query is bound",
                    span: args[0].value.span,
                    hint: "build the condition from constants and function parameters only, not from columns")
            }
            guard case .string(let text)? = message.constantValue else {
                throw KQLError(.argument, "assert() needs a constant string message", span: args[1].value.span)
            }
            guard holds else { throw KQLError(.assertion, "assert() has failed with message: '\(text)'", span: span) }
            return .constant(.bool(true), .bool)
        default:
            return nil
        }
    }
}
