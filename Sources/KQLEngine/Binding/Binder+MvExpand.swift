import Columnar
import KQLSyntax

extension Binder {
    /// Binds `mv-expand`: each item's dynamic array (or bag) expands to one row per element; several items
    /// expand side by side (the longest decides the row count, the shorter ones give nulls).
    func bindMvExpand(_ m: MvExpandSyntax, schema: Schema, scope: Scope) throws(KQLError) -> (BoundMvExpand, Schema) {
        var bagAsArray = false
        var itemIndex: String?
        for o in m.options {
            var text: String?
            if case .name(let n) = o.value { text = n.name }
            if case .literal(.string(let s), _, _) = o.value { text = s }
            switch o.name.lowercased() {
            case "bagexpansion", "kind":
                guard let t = text?.lowercased(), t == "bag" || t == "array" else {
                    throw KQLError(.argument, "bagexpansion must be bag or array", span: o.span)
                }
                bagAsArray = t == "array"
            case "with_itemindex":
                guard let t = text else {
                    throw KQLError(.argument, "with_itemindex needs a column name", span: o.span)
                }
                itemIndex = t
            default:
                if !o.name.lowercased().hasPrefix("hint.") {
                    throw KQLError(.unsupported, "mv-expand option '\(o.name)' is not supported", span: o.span)
                }
            }
        }
        var fields = schema.fields
        var items: [BoundMvExpand.Item] = []
        for item in m.items {
            let a = item.assignment
            let value = try bindScalar(a.value, schema: schema, scope: scope)
            guard let name = a.names.first?.name ?? ColumnNamer.derivedName(a.value) else {
                throw KQLError(.argument, "name the expanded expression: `mv-expand name = expr`", span: a.value.span)
            }
            let toType = item.toType ?? .dynamic
            let replaces = schema.index(of: name)
            if let r = replaces { fields[r].type = toType } else { fields.append(Field(name, toType)) }
            items.append(.init(name: name, value: value, replaces: replaces, toType: toType))
        }
        if let itemIndex { fields.append(Field(itemIndex, .long)) }
        var limit: Int?
        if let l = m.limit { limit = try constantCount(l, scope: scope, what: "mv-expand limit") }
        return (BoundMvExpand(items: items, bagAsArray: bagAsArray, itemIndex: itemIndex, limit: limit), Schema(fields))
    }
}
