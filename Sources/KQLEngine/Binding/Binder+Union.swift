import Columnar
import KQLSyntax

extension Binder {
    /// Binds `union`: columns are matched by name; a name that appears with several types becomes one
    /// column per type, named `name_type`. `kind=inner` keeps only the columns every leg has. A wildcard
    /// leg (`View*`) stands for every table and `let`-bound tabular name it matches; with `isfuzzy=true`,
    /// a leg naming something that does not exist is left out, as long as one leg remains.
    func bindUnion(_ u: UnionSyntax, input: BoundQuery?, scope: Scope) throws(KQLError) -> BoundUnion {
        var inner = false, fuzzy = false
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
            case "isfuzzy":
                if case .literal(.bool(let b), _, _) = o.value {
                    fuzzy = b
                } else {
                    fuzzy = text?.lowercased() == "true"
                }
            default:
                throw KQLError(.unsupported, "union option '\(o.name)' is not supported", span: o.span)
            }
        }
        var legs: [BoundQuery] = [], names: [String] = []
        if let input { legs.append(input); names.append("union_arg0") }
        for (i, t) in u.tables.enumerated() {
            if case .name(let n) = t, n.name.contains("*") {
                let tables = database.tableNames.filter { Wildcard.matches(n.name, $0) }
                for h in tables {
                    legs.append(try bindTableName(NameSyntax(h, span: n.span), scope: scope)); names.append(h)
                }
                // `let` names that stand for tables: tabular values and views (functions without parameters;
                // one that turns out to be scalar is not a table and is not matched).
                let lets = scope.entries.compactMap { name, entry -> String? in
                    guard Wildcard.matches(n.name, name), !tables.contains(name) else { return nil }
                    switch entry {
                    case .tabular: return name
                    case .function(let def, _) where def.parameters.isEmpty: return name
                    default: return nil
                    }
                }
                for h in lets.sorted() {
                    guard let q = try? bindTableName(NameSyntax(h, span: n.span), scope: scope) else { continue }
                    legs.append(q); names.append(h)
                }
                continue
            }
            do throws(KQLError) {
                legs.append(try bindTabular(t, scope: scope))
            } catch {
                if fuzzy && error.code == .unknownName { continue }
                throw error
            }
            names.append(Binder.legName(t) ?? "union_arg\(i + (input == nil ? 0 : 1))")
        }
        guard !legs.isEmpty else {
            throw KQLError(.argument, "union needs at least one table", span: u.tables.first?.span ?? SourceSpan.none)
        }
        // A leg whose schema is known only once it ran (a `python()` without `typeof`) is laid out
        // then, from the real tables; until then the layout below is a placeholder.
        let resolvesAtRun = legs.contains { $0.schemaIsDeferred }
        let (fields, mapping) = BoundUnion.layout(legs.map(\.schema), inner: inner, sourceColumn: sourceColumn)
        var bound = BoundUnion(
            legs: input == nil ? legs : Array(legs.dropFirst()), includesInput: input != nil, inner: inner,
            sourceColumn: sourceColumn, legNames: names, mapping: mapping, schema: Schema(fields))
        bound.resolvesAtRun = resolvesAtRun
        return bound
    }
}

extension BoundUnion {
    /// The output columns of a union of legs with `schemas`, and for each the column of every leg
    /// feeding it (nil: nulls). A name that appears with several types becomes one column per type,
    /// named `name_type` (numbered `name_type1` when a leg already has a column of that name); `inner` keeps
    /// only the columns every leg has; `sourceColumn` comes first.
    public static func layout(_ schemas: [Schema], inner: Bool, sourceColumn: String?) -> (
        fields: [Field], mapping: [[Int?]]
    ) {
        var typesByName: [String: [ScalarType]] = [:]
        for schema in schemas {
            for f in schema.fields where !(typesByName[f.name]?.contains(f.type) ?? false) {
                typesByName[f.name, default: []].append(f.type)
            }
        }
        var fields: [Field] = [], mapping: [[Int?]] = []
        var position: [String: Int] = [:]
        // A suffixed name that another leg already uses as a column name gets a number too (`x_long1`
        // when a leg has a real `x_long`), as the union page's example shows.
        var suffixed: [String: String] = [:]
        var taken = Set(typesByName.keys)
        func suffixedName(_ f: Field) -> String {
            let key = f.name + "\u{0}" + f.type.rawValue
            if let n = suffixed[key] { return n }
            let base = "\(f.name)_\(f.type.rawValue)"
            var n = base, k = 0
            while taken.contains(n) { k += 1; n = base + String(k) }
            taken.insert(n)
            suffixed[key] = n
            return n
        }
        for (l, schema) in schemas.enumerated() {
            for (ci, f) in schema.fields.enumerated() {
                let name = (typesByName[f.name]?.count ?? 1) > 1 ? suffixedName(f) : f.name
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
