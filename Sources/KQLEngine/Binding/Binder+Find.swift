import Columnar
import KQLSyntax

extension Binder {
    /// One output column of `find`: its name, type, and the column of a table that feeds it.
    private struct FindColumn {
        var name: String
        var type: ScalarType
        var source: String
        /// True when a table's column of another type is cast (`project c:type`); otherwise only a column
        /// of exactly `type` feeds this one.
        var casts: Bool
    }

    /// The bag column of `project-smart` and `pack_all()`.
    static let findPackColumn = "pack_"

    /// Binds `find`: the rows of each table for which the predicate holds (a table with none of the columns
    /// the predicate names is left out; one lacking some sees nulls there), laid out as its projection says.
    ///
    /// `project-smart` (the default) keeps the columns the predicate names and those every remaining table
    /// has (`name_type` for each type when the tables disagree), and packs each row's other columns into
    /// `pack_`; `project c[:type], ...` keeps the listed columns (null where a table lacks one, cast when a
    /// type is written) and `pack_all()` packs the rest. The table's name comes first, in `source_` or the
    /// `withsource=` column.
    func bindFind(_ f: FindSyntax, span: SourceSpan, scope: Scope) throws(KQLError) -> BoundQuery {
        let legs = try searchLegs(f.tables, scope: scope, operatorName: "find")
        let predicateColumns = Binder.predicateColumns(f.predicate, legs: legs)
        let filtered = try filteredLegs(
            legs, predicate: f.predicate, columns: predicateColumns, span: span, scope: scope)
        let sourceName = f.sourceColumn?.name ?? "source_"
        let kept = filtered.map(\.leg.query.schema)
        let columns: [FindColumn]
        let packs: Bool
        switch f.projection {
        case .smart:
            columns = Binder.smartColumns(predicateColumns, kept)
            packs = true
        case .columns(let listed, let packAll):
            columns = try Binder.listedColumns(listed, legs.map(\.query.schema))
            packs = packAll
        }
        var fields = [Field(sourceName, .string)] + columns.map { Field($0.name, $0.type) }
        if packs { fields.append(Field(Binder.findPackColumn, .dynamic)) }
        guard !filtered.isEmpty else { return try emptyRows(fields, span: span, scope: scope) }

        var queries: [BoundQuery] = [], names: [String] = []
        for (leg, query, _) in filtered {
            let schema = leg.query.schema
            var items = [
                AssignmentSyntax(
                    names: [NameSyntax(sourceName, span: span)], value: .literal(.string(leg.name), .string, span))
            ]
            for c in columns {
                let value: ExpressionSyntax
                let name = ExpressionSyntax.name(NameSyntax(c.source, span: span))
                if let field = schema.fields.first(where: { $0.name == c.source }), field.type == c.type {
                    value = name
                } else if c.casts, schema.index(of: c.source) != nil {
                    value = .call(
                        name: NameSyntax(Binder.conversionFunction(c.type), span: span),
                        arguments: [ArgumentSyntax(value: name)], span: span)
                } else {
                    value = .literal(.null, c.type, span)
                }
                items.append(AssignmentSyntax(names: [NameSyntax(c.name, span: span)], value: value))
            }
            if packs {
                let shown = Set(
                    columns.compactMap { c in
                        schema.fields.contains { $0.name == c.source && ($0.type == c.type || c.casts) }
                            ? c.source : nil
                    })
                var arguments: [ArgumentSyntax] = []
                for field in schema.fields where !shown.contains(field.name) {
                    arguments.append(ArgumentSyntax(value: .literal(.string(field.name), .string, span)))
                    arguments.append(ArgumentSyntax(value: .name(NameSyntax(field.name, span: span))))
                }
                items.append(
                    AssignmentSyntax(
                        names: [NameSyntax(Binder.findPackColumn, span: span)],
                        value: .call(name: NameSyntax("bag_pack", span: span), arguments: arguments, span: span)))
            }
            var sc = scope
            queries.append(
                try bindOperator(
                    OperatorSyntax(kind: .project(items), span: span, keywordSpan: span), input: query, scope: &sc))
            names.append(leg.name)
        }
        return Binder.unionOfLegs(queries, names: names, sourceColumn: nil)
    }

    /// `project-smart`'s columns: those the predicate names, then those every table has, in the first table's
    /// order; a name the tables give several types becomes `name_type` for each.
    private static func smartColumns(_ predicateColumns: [String], _ schemas: [Schema]) -> [FindColumn] {
        var names = predicateColumns.filter { n in schemas.contains { $0.index(of: n) != nil } }
        if let first = schemas.first {
            for f in first.fields where !names.contains(f.name) && schemas.allSatisfy({ $0.index(of: f.name) != nil }) {
                names.append(f.name)
            }
        }
        var out: [FindColumn] = []
        for n in names {
            var types: [ScalarType] = []
            for s in schemas {
                if let f = s.fields.first(where: { $0.name == n }), !types.contains(f.type) { types.append(f.type) }
            }
            if types.count == 1 {
                out.append(FindColumn(name: n, type: types[0], source: n, casts: false))
            } else {
                for t in types { out.append(FindColumn(name: "\(n)_\(t.rawValue)", type: t, source: n, casts: false)) }
            }
        }
        return out
    }

    /// The columns of `project c[:type], ...`: a column without a type takes the one type the tables give it.
    private static func listedColumns(_ listed: [FindSyntax.Column], _ schemas: [Schema]) throws(KQLError)
        -> [FindColumn]
    {
        var out: [FindColumn] = []
        for c in listed {
            if let t = c.type {
                out.append(FindColumn(name: c.name.name, type: t, source: c.name.name, casts: true))
                continue
            }
            var types: [ScalarType] = []
            for s in schemas {
                if let f = s.fields.first(where: { $0.name == c.name.name }), !types.contains(f.type) {
                    types.append(f.type)
                }
            }
            guard let type = types.first else {
                throw KQLError(
                    .unknownName, "find: no table it searches has a column '\(c.name.name)'", span: c.name.span,
                    hint: "write its type to have a column of nulls: `project \(c.name.name):string`")
            }
            guard types.count == 1 else {
                throw KQLError(
                    .type,
                    "find: column '\(c.name.name)' has several types in the tables it searches (\(types.map(\.rawValue).joined(separator: ", ")))",
                    span: c.name.span,
                    hint: "write the type to cast it to: `project \(c.name.name):\(types[0].rawValue)`")
            }
            out.append(FindColumn(name: c.name.name, type: type, source: c.name.name, casts: false))
        }
        return out
    }
}
