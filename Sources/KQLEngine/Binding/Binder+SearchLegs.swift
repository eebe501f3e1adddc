import Columnar
import KQLSyntax

/// One table `find` or `search` looks in: its rows as bound and the name its source column reports.
struct SearchLeg {
    var query: BoundQuery
    var name: String
}

extension Binder {
    /// The tables of `find`/`search`: those of `in (...)` (names with `*` wildcards match the database's tables,
    /// other entries are tabular expressions), or every table of the database when there is no list.
    func searchLegs(_ tables: [ExpressionSyntax]?, scope: Scope, operatorName: String) throws(KQLError) -> [SearchLeg] {
        guard let tables else {
            var legs: [SearchLeg] = []
            for name in database.tableNames where database.unavailableReason(forTable: name) == nil {
                guard let t = database.table(named: name) else { continue }
                legs.append(SearchLeg(query: BoundQuery(source: .table(name: name), schema: t.schema), name: name))
            }
            return legs
        }
        var legs: [SearchLeg] = []
        for (i, t) in tables.enumerated() {
            if case .name(let n) = t, n.name.contains("*") {
                for hit in database.tableNames where Wildcard.matches(n.name, hit) {
                    legs.append(
                        SearchLeg(query: try bindTableName(NameSyntax(hit, span: n.span), scope: scope), name: hit))
                }
                continue
            }
            if case .member(let base, let table, _) = Binder.unparenthesized(t), databaseCall(base) != nil {
                // `database("d").T`, `database("d").T*`: reported as ADX does, `database("d").T`.
                let db = try resolveDatabase(base, scope: scope)
                let names =
                    table.name.contains("*")
                    ? database.tableNames.filter { Wildcard.matches(table.name, $0) } : [table.name]
                for name in names {
                    let q = try bindTableName(NameSyntax(name, span: table.span), scope: Scope())
                    legs.append(SearchLeg(query: q, name: "database(\"\(db)\").\(name)"))
                }
                continue
            }
            if case .call(let f, _, let span) = Binder.unparenthesized(t), f.name == "database" || f.name == "cluster" {
                throw KQLError(
                    .unsupported,
                    "`\(operatorName)` over `\(f.name)(...)` is not supported: Sandpiper has one database, the one given with --db",
                    span: span, hint: "name the tables of this database, e.g. `\(operatorName) in (T1, T2*)`")
            }
            legs.append(SearchLeg(query: try bindTabular(t, scope: scope), name: Binder.legName(t) ?? "union_arg\(i)"))
        }
        return legs
    }

    /// The names a predicate mentions that are columns of some leg, in the order they first appear.
    ///
    /// The walk keeps its own stack (no recursion); sub-queries inside the predicate have their own columns
    /// and are not entered.
    static func predicateColumns(_ predicate: ExpressionSyntax, legs: [SearchLeg]) -> [String] {
        var columns = Set<String>()
        for leg in legs { for f in leg.query.schema.fields { columns.insert(f.name) } }
        var seen = Set<String>(), ordered: [String] = []
        var stack = [predicate]
        while let e = stack.popLast() {
            switch e {
            case .name(let n):
                if columns.contains(n.name), seen.insert(n.name).inserted { ordered.append(n.name) }
            case .call(_, let args, _): stack.append(contentsOf: args.reversed().map(\.value))
            case .unary(_, let x, _), .parenthesized(let x, _), .member(let x, _, _): stack.append(x)
            case .binary(_, let l, let r, _): stack.append(r); stack.append(l)
            case .chain(let first, let links, _):
                stack.append(contentsOf: links.reversed().map(\.operand)); stack.append(first)
            case .setMembership(_, let l, let list, _): stack.append(contentsOf: list.reversed()); stack.append(l)
            case .between(let v, let lo, let hi, _, _): stack.append(hi); stack.append(lo); stack.append(v)
            case .index(let b, let i, _): stack.append(i); stack.append(b)
            case .literal, .star, .schema, .pipeline, .source: break
            }
        }
        return ordered
    }

    /// The legs a predicate over `columns` can apply to (a table with none of them is left out, as `find` and
    /// `search` do), each filtered by it: a column the predicate names that a table lacks is null there, of the
    /// type it has elsewhere. Returns each filtered query with the placeholder columns it added.
    func filteredLegs(
        _ legs: [SearchLeg], predicate: ExpressionSyntax, columns: [String], span: SourceSpan,
        scope: Scope
    ) throws(KQLError) -> [(leg: SearchLeg, query: BoundQuery, placeholders: [String])] {
        var typeOf: [String: ScalarType] = [:]
        for leg in legs { for f in leg.query.schema.fields where typeOf[f.name] == nil { typeOf[f.name] = f.type } }
        var out: [(leg: SearchLeg, query: BoundQuery, placeholders: [String])] = []
        for leg in legs {
            let has = Set(leg.query.schema.names)
            guard columns.isEmpty || columns.contains(where: has.contains) else { continue }
            var q = leg.query
            var s = scope
            let missing = columns.filter { !has.contains($0) }
            if !missing.isEmpty {
                let items = missing.map {
                    AssignmentSyntax(
                        names: [NameSyntax($0, span: span)], value: .literal(.null, typeOf[$0] ?? .string, span))
                }
                q = try bindOperator(
                    OperatorSyntax(kind: .extend(items), span: span, keywordSpan: span), input: consume q, scope: &s)
            }
            q = try bindOperator(
                OperatorSyntax(kind: .where(predicate), span: span, keywordSpan: span), input: consume q, scope: &s)
            out.append((leg, q, missing))
        }
        return out
    }

    /// A query with no rows and the given columns (what `find`/`search` return when no table applies).
    func emptyRows(_ fields: [Field], span: SourceSpan, scope: Scope) throws(KQLError) -> BoundQuery {
        let columns = fields.map { ColumnDeclarationSyntax(name: NameSyntax($0.name, span: span), type: $0.type) }
        return try bindSource(SourceSyntax(kind: .datatable(columns: columns, values: []), span: span), scope: scope)
    }

    /// A union of legs under `sourceColumn`, columns matched by name (`name_type` when types differ).
    static func unionOfLegs(_ legs: [BoundQuery], names: [String], sourceColumn: String?) -> BoundQuery {
        let (fields, mapping) = BoundUnion.layout(legs.map(\.schema), inner: false, sourceColumn: sourceColumn)
        var u = BoundUnion(
            legs: legs, includesInput: false, inner: false, sourceColumn: sourceColumn, legNames: names,
            mapping: mapping, schema: Schema(fields))
        u.resolvesAtRun = legs.contains { $0.schemaIsDeferred }
        return BoundQuery(source: .union(u), schema: u.schema)
    }
}
