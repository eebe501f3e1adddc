import Columnar
import KQLSyntax

extension Binder {
    /// Binds `union`: columns are matched by name; a name that appears with several types becomes one
    /// column per type, named `name_type`. `kind=inner` keeps only the columns every leg has.
    func bindUnion(_ u: UnionSyntax, input: BoundQuery?, scope: Scope) throws(KQLError) -> BoundUnion {
        var inner = false
        var sourceColumn: String?
        for o in u.options {
            let text: String?
            switch o.value {
            case .name(let n): text = n.name
            case .literal(.string(let s), _, _): text = s
            default: text = nil
            }
            switch o.name.lowercased() {
            case "kind":
                guard let t = text?.lowercased(), t == "inner" || t == "outer" else {
                    throw KQLError(.argument, "union kind must be inner or outer", span: o.span)
                }
                inner = t == "inner"
            case "withsource":
                guard let t = text else { throw KQLError(.argument, "withsource needs a column name", span: o.span) }
                sourceColumn = t
            case "isfuzzy": break
            default:
                throw KQLError(.unsupported, "union option '\(o.name)' is not supported", span: o.span)
            }
        }
        var legs: [BoundQuery] = [], names: [String] = []
        if let input { legs.append(input); names.append("union_arg0") }
        for (i, t) in u.tables.enumerated() {
            if case .name(let n) = t, n.name.contains("*") {
                let hits = database.tableNames.filter { Wildcard.matches(n.name, $0) }
                for h in hits {
                    legs.append(try bindTableName(NameSyntax(h, span: n.span), scope: scope)); names.append(h)
                }
                continue
            }
            legs.append(try bindTabular(t, scope: scope))
            names.append(Binder.legName(t) ?? "union_arg\(i + (input == nil ? 0 : 1))")
        }
        guard !legs.isEmpty else { throw KQLError(.argument, "union needs at least one table", span: u.tables.first?.span ?? SourceSpan.none) }
        // A leg whose schema is known only once it ran (a `python()` without `typeof`) is laid out
        // then, from the real tables; until then the layout below is a placeholder.
        let resolvesAtRun = legs.contains { $0.schemaIsDeferred }
        let (fields, mapping) = BoundUnion.layout(legs.map(\.schema), inner: inner, sourceColumn: sourceColumn)
        var bound = BoundUnion(legs: input == nil ? legs : Array(legs.dropFirst()), includesInput: input != nil, inner: inner,
                               sourceColumn: sourceColumn, legNames: names, mapping: mapping, schema: Schema(fields))
        bound.resolvesAtRun = resolvesAtRun
        return bound
    }
}

extension BoundUnion {
    /// The output columns of a union of legs with `schemas`, and for each the column of every leg
    /// feeding it (nil: nulls). A name that appears with several types becomes one column per type,
    /// named `name_type`; `inner` keeps only the columns every leg has; `sourceColumn` comes first.
    public static func layout(_ schemas: [Schema], inner: Bool, sourceColumn: String?) -> (fields: [Field], mapping: [[Int?]]) {
        var typesByName: [String: [ScalarType]] = [:]
        for schema in schemas {
            for f in schema.fields where !(typesByName[f.name]?.contains(f.type) ?? false) {
                typesByName[f.name, default: []].append(f.type)
            }
        }
        var fields: [Field] = [], mapping: [[Int?]] = []
        var position: [String: Int] = [:]
        for (l, schema) in schemas.enumerated() {
            for (ci, f) in schema.fields.enumerated() {
                let name = (typesByName[f.name]?.count ?? 1) > 1 ? "\(f.name)_\(f.type.rawValue)" : f.name
                if position[name] == nil {
                    position[name] = fields.count
                    fields.append(Field(name, f.type))
                    mapping.append([Int?](repeating: nil, count: schemas.count))
                }
                mapping[position[name]!][l] = ci
            }
        }
        if inner {
            let keep = mapping.indices.filter { !mapping[$0].contains { $0 == nil } }
            fields = keep.map { fields[$0] }
            mapping = keep.map { mapping[$0] }
        }
        if let sourceColumn {
            fields.insert(Field(sourceColumn, .string), at: 0)
            mapping.insert([Int?](repeating: nil, count: schemas.count), at: 0)
        }
        return (fields, mapping)
    }
}

extension Binder {
    /// The name `withsource` reports for a union leg: a table name, or the name of a trailing `as`.
    static func legName(_ t: ExpressionSyntax) -> String? {
        switch unparenthesized(t) {
        case .name(let n): return n.name
        case .pipeline(_, let ops, _):
            if case .as(let n, _)? = ops.last?.kind { return n.name }
            return nil
        default: return nil
        }
    }
}
