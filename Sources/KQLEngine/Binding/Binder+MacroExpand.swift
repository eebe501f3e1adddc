import Columnar
import KQLSyntax

/// `macro-expand`: the subquery bound once for each entity of the group, with the identifier standing for that
/// entity, and the results unioned (`kind=outer`, the default, keeps every column; `inner` the common ones).
///
/// Entities are databases (`cluster("c").database("d")`, `database("d")`; here all resolve to the local
/// database) or tables. `X.$current_database` and `X.$current_cluster_endpoint` are the entity's database and
/// cluster: the local ones, as `current_database()` and `current_cluster_endpoint()` give them.
extension Binder {
    func bindMacroExpand(_ m: MacroExpandSyntax, span: SourceSpan, scope: Scope) throws(KQLError) -> BoundQuery {
        var inner = false, fuzzy = false
        for o in m.options {
            let text: String
            switch o.value {
            case .name(let n): text = n.name.lowercased()
            case .literal(.string(let s), _, _): text = s.lowercased()
            case .literal(.bool(let b), _, _): text = b ? "true" : "false"
            default: text = ""
            }
            switch (o.name.lowercased(), text) {
            case ("kind", "inner"), ("kind", "outer"): inner = text == "inner"
            case ("isfuzzy", "true"), ("isfuzzy", "false"): fuzzy = text == "true"
            default:
                throw KQLError(
                    .argument,
                    "macro-expand option '\(o.name)' takes \(o.name == "kind" ? "inner or outer" : "true or false")",
                    span: o.span)
            }
        }
        let x = m.identifier
        guard declarations.macroEntities[x.name] == nil else {
            throw KQLError(
                .argument, "'\(x.name)' already names the entity of an enclosing macro-expand", span: x.span,
                hint: "give the inner macro-expand's entity another name")
        }
        let references: [ExpressionSyntax]
        switch m.group {
        case .inline(let refs, _):
            references = refs
        case .named(let g):
            guard let refs = declarations.entityGroups[g.name] else {
                throw KQLError(
                    .unknownName, "unknown entity group '\(g.name)'", span: g.span,
                    hint:
                        "define it before the query: `let \(g.name) = entity_group [database(\"db\")];` (stored entity groups, .create entity_group, are not supported)"
                )
            }
            references = refs
        }
        var legs: [BoundQuery] = [], names: [String] = []
        let outer = declarations.macroEntities
        defer { declarations.macroEntities = outer }
        for (i, ref) in references.enumerated() {
            let entity: MacroEntity
            do throws(KQLError) {
                entity = try macroEntity(ref, scope: scope)
            } catch {
                if fuzzy && error.code == .unknownName { continue }  // isfuzzy: entities that do not exist are left out
                throw error
            }
            declarations.macroEntities = outer
            declarations.macroEntities[x.name] = entity
            var s = scope
            for l in m.lets { try bindLet(l, scope: &s) }
            legs.append(try bindTabular(m.subquery, scope: s))
            names.append("union_arg\(i)")
        }
        guard !legs.isEmpty else {
            throw KQLError(
                .unknownName, "macro-expand: none of the entity group's entities exists", span: span,
                hint: "with isfuzzy=true entities that do not exist are left out, but one must remain")
        }
        let (fields, mapping) = BoundUnion.layout(legs.map(\.schema), inner: inner, sourceColumn: nil)
        var bound = BoundUnion(
            legs: legs, includesInput: false, inner: inner, sourceColumn: nil, legNames: names, mapping: mapping,
            schema: Schema(fields))
        bound.resolvesAtRun = legs.contains { $0.schemaIsDeferred }
        return BoundQuery(source: .union(bound), schema: bound.schema)
    }

    /// An entity reference of a group: a database or a table.
    private func macroEntity(_ ref: ExpressionSyntax, scope: Scope) throws(KQLError) -> MacroEntity {
        if databaseCall(ref) != nil { return .database(try resolveDatabase(ref, scope: scope)) }
        if case .call(let f, _, let span) = Binder.unparenthesized(ref), f.name == "cluster" {
            throw KQLError(
                .unsupported, "macro-expand over clusters is not supported: a local engine is one cluster", span: span,
                hint: "name the cluster's databases: entity_group [cluster(\"c\").database(\"db\")]")
        }
        return .table(try bindTabular(ref, scope: scope))
    }

    /// `X` where a table is expected, inside the subquery of the `macro-expand` that names `X`.
    func bindMacroEntity(_ x: NameSyntax, _ entity: MacroEntity) throws(KQLError) -> BoundQuery {
        switch entity {
        case .table(let q): return q.wrapped
        case .database(let db):
            throw KQLError(
                .type, "'\(x.name)' stands for the database '\(db)', not a table", span: x.span,
                hint: "name one of its tables: \(x.name).Table")
        }
    }

    /// `X.Table` inside the subquery of the `macro-expand` that names `X`.
    func bindMacroEntityMember(_ x: NameSyntax, _ table: NameSyntax, span: SourceSpan) throws(KQLError)
        -> BoundQuery
    {
        guard case .database = declarations.macroEntities[x.name] else {
            throw KQLError(.type, "'\(x.name)' stands for a table, which has no member '\(table.name)'", span: span)
        }
        return try bindTableName(table, scope: Scope())
    }

    /// `X.$current_database` and `X.$current_cluster_endpoint`: the scalars of the entity `X`.
    func bindMacroEntityScalar(
        _ x: NameSyntax, _ member: NameSyntax, span: SourceSpan, schema: Schema, scope: Scope
    ) throws(KQLError) -> BoundExpression {
        let function: String
        switch member.name {
        case "$current_database": function = "current_database"
        case "$current_cluster_endpoint": function = "current_cluster_endpoint"
        default:
            throw KQLError(
                .unknownName, "'\(member.name)' is not a value of the entity '\(x.name)'", span: member.span,
                hint:
                    "use \(x.name).$current_database or \(x.name).$current_cluster_endpoint; tables are \(x.name).Table"
            )
        }
        return try bindScalar(
            .call(name: NameSyntax(function, span: member.span), arguments: [], span: span), schema: schema,
            scope: scope)
    }
}
