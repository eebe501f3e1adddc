import Columnar

/// `buildschema(x)`: the smallest schema admitting every non-null dynamic value of the group. A scalar's
/// schema is its type name (`long`, `double`, `string`, ...), a property bag's a bag of its keys' schemas,
/// an array's a bag with the one key `` `indexer` `` holding its elements' schema. Where values differ,
/// the schema is the list of alternatives in the order they first appear, bags merged into one
/// alternative. Null for a group without values; named `schema_x`.
struct BuildSchemaAggregate: AggregateFunction {
    let name = "buildschema"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.any])
        return [Field(AggregateSupport.name("schema", args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var schemas = [SchemaNode](repeating: SchemaNode(), count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() {
            let v = args[0].value(i)
            if !v.isNull { schemas[Int(g)].admit(v.asDynamic, depth: 0) }
        }
        var b = ColumnBuilder(type: .dynamic, capacity: groups.groupCount)
        for s in schemas { b.append(s.rendered.map(Value.dynamic) ?? .null) }
        return [b.finish()]
    }
}

/// The schema of the values seen so far at one position: type names and at most one bag, in order.
private struct SchemaNode {
    enum Alternative { case type(String), bag }
    var alternatives: [Alternative] = []
    var types: Set<String> = []
    var hasBag = false
    var keys: [String] = []
    var children: [String: SchemaNode] = [:]

    static let indexer = "`indexer`"

    /// Widens the schema to admit `value`. Recursion follows the value's nesting, which parsing and
    /// every dynamic constructor bound by `Dynamic.maxNesting`; deeper values are admitted as `dynamic`.
    mutating func admit(_ value: Dynamic, depth: Int) {
        guard depth < Dynamic.maxNesting else { addType("dynamic"); return }
        switch value {
        case .null: return
        case .array(let items):
            addBag()
            var child = takeChild(Self.indexer)
            for item in items { child.admit(item, depth: depth + 1) }
            children[Self.indexer] = child
        case .bag(let bag):
            addBag()
            for (k, v) in zip(bag.keys, bag.values) {
                var child = takeChild(k)
                child.admit(v, depth: depth + 1)
                children[k] = child
            }
        case .real: addType("double")
        default: addType(value.typeName)
        }
    }

    private mutating func addType(_ name: String) {
        if types.insert(name).inserted { alternatives.append(.type(name)) }
    }

    private mutating func addBag() {
        if !hasBag { hasBag = true; alternatives.append(.bag) }
    }

    /// The child at `key` (registered in first-seen order), moved out so it is updated in place.
    private mutating func takeChild(_ key: String) -> SchemaNode {
        if let c = children.removeValue(forKey: key) { return c }
        keys.append(key)
        return SchemaNode()
    }

    /// The schema as a dynamic value: one alternative as itself, several as an array; nil when empty.
    var rendered: Dynamic? {
        let parts: [Dynamic] = alternatives.map { alt in
            switch alt {
            case .type(let n): return .string(n)
            case .bag:
                return .bag(PropertyBag(keys.compactMap { k in children[k]?.rendered.map { (k, $0) } }))
            }
        }
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : .array(parts)
    }
}
