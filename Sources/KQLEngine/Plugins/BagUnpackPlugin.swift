import Columnar
import KQLSyntax

/// `evaluate bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties]) [: (schema)]`: every top-level
/// slot of the column's property bags becomes a column (the slot's type when all its values agree, else dynamic).
/// Built into the engine: registered ahead of the plugins a host supplies.
struct BagUnpackPlugin: TabularPlugin {
    let name = "bag_unpack"

    /// The named argument under which the binder hands over an `evaluate ... : (schema)` output schema.
    static let outputSchemaArgument = "$outputSchema"

    private struct Options {
        var column: String
        var prefix = ""
        var conflict = "error"
        var ignored = Set<String>()
        var declared: SchemaSyntax?
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let o = try options(arguments, input: input)
        guard let declared = o.declared else { return nil }
        var fields = declared.includesStar ? input.fields.filter { $0.name != o.column } : []
        for c in declared.columns { fields.append(Field(c.name.name, c.type)) }
        return Schema(fields)
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let o = try options(arguments, input: input.schema)
        guard let source = input.schema.index(of: o.column) else {
            throw KQLError(.argument, "bag_unpack: no column '\(o.column)' in its input", span: arguments.span)
        }
        let column = input.columns[source]
        var bags: [PropertyBag?] = []
        for r in 0..<input.rowCount {
            if case .bag(let b) = column.value(r).asDynamic { bags.append(b) } else { bags.append(nil) }
        }
        let kept = input.schema.fields.indices.filter { $0 != source }
        var fields = kept.map { input.schema.fields[$0] }
        var columns = kept.map { input.columns[$0] }
        let slots: [(slot: String, name: String, type: ScalarType)]
        // With columnsConflict='replace_source', a slot's column takes the place of the input column it
        // replaces (the reference's example keeps `Name` first).
        var replacing: [String: Int] = [:]
        if let declared = o.declared {
            if !declared.includesStar { fields = []; columns = [] }
            slots = declared.columns.map { c in
                let n = c.name.name
                return (o.prefix.isEmpty || !n.hasPrefix(o.prefix) ? n : String(n.dropFirst(o.prefix.count)), n, c.type)
            }
        } else {
            slots = try inferredSlots(bags, o, existing: fields, replacing: &replacing, span: arguments.span)
        }
        for s in slots {
            var b = ColumnBuilder(type: s.type, capacity: input.rowCount)
            for bag in bags {
                let d = bag?[s.slot] ?? .null
                if s.type == .dynamic {
                    b.append(dynamic: d)
                } else if let v = BagUnpackPlugin.value(d, s.type) {
                    b.append(v)
                } else if s.type == .string {
                    b.append(.string(""))
                } else {
                    b.appendNull()
                }
            }
            if let at = replacing[s.name] {
                fields[at] = Field(s.name, s.type); columns[at] = b.finish()
            } else {
                fields.append(Field(s.name, s.type)); columns.append(b.finish())
            }
        }
        return PluginResult(table: Table(schema: Schema(fields), columns: columns, rowCount: input.rowCount))
    }

    /// Slots in name order with their agreed types; resolves clashes with input columns per `columnsConflict`
    /// (`replacing` maps a slot's column name to the position of the input column it replaces).
    private func inferredSlots(
        _ bags: [PropertyBag?], _ o: Options, existing fields: [Field], replacing: inout [String: Int],
        span: SourceSpan
    ) throws(KQLError) -> [(slot: String, name: String, type: ScalarType)] {
        var types: [String: ScalarType?] = [:]
        for bag in bags {
            guard let bag else { continue }
            for (k, v) in bag.pairs where !o.ignored.contains(k) {
                let t = BagUnpackPlugin.type(of: v)
                if let seen = types[k] {
                    if let t, let s = seen, s != t {
                        types[k] = .some(.dynamic)
                    } else if seen == nil {
                        types[k] = .some(t)
                    }
                } else {
                    types[k] = .some(t)
                }
            }
        }
        var out: [(slot: String, name: String, type: ScalarType)] = []
        for slot in types.keys.sorted() {
            let name = o.prefix + slot
            if let clash = fields.firstIndex(where: { $0.name == name }) {
                switch o.conflict {
                case "replace_source": replacing[name] = clash
                case "keep_source": continue
                default:
                    throw KQLError(
                        .argument, "bag_unpack: slot '\(slot)' clashes with the input column '\(name)'", span: span,
                        hint: "pass a prefix, or columnsConflict='replace_source' or 'keep_source'")
                }
            }
            out.append((slot, name, (types[slot] ?? nil) ?? .dynamic))
        }
        return out
    }

    /// The column type a non-null slot value suggests (nil for null: it agrees with anything).
    static func type(of d: Dynamic) -> ScalarType? {
        switch d {
        case .null: return nil
        case .bool: return .bool
        case .long: return .long
        case .real: return .real
        case .decimal: return .decimal
        case .string: return .string
        case .datetime: return .datetime
        case .timespan: return .timespan
        case .guid: return .guid
        case .array, .bag: return .dynamic
        }
    }

    /// A slot value as a declared column type: the same kind as is, text converted, otherwise null.
    static func value(_ d: Dynamic, _ t: ScalarType) -> Value? {
        if d == .null { return nil }
        let v = Cast.explicit(.dynamic(d), to: t)
        return v.isNull ? nil : v
    }

    private func options(_ a: PluginArguments, input: Schema) throws(KQLError) -> Options {
        func text(_ arg: PluginArguments.Argument?, _ what: String) throws(KQLError) -> String? {
            guard let arg else { return nil }
            guard case .value(.string(let s), _) = arg else {
                throw KQLError(.argument, "bag_unpack: \(what) must be a string", span: a.span)
            }
            return s
        }
        let p = a.positional
        guard let column = try text(p.first ?? a.named["Column"], "the column to unpack (a column name)") else {
            throw KQLError(.argument, "bag_unpack needs the dynamic column to unpack: bag_unpack(column)", span: a.span)
        }
        var o = Options(column: column)
        if let prefix = try text(p.count > 1 ? p[1] : a.named["OutputColumnPrefix"], "the column prefix") {
            o.prefix = prefix
        }
        if let c = try text(p.count > 2 ? p[2] : a.named["columnsConflict"], "columnsConflict") {
            guard ["error", "replace_source", "keep_source"].contains(c) else {
                throw KQLError(
                    .argument, "bag_unpack: columnsConflict must be error, replace_source or keep_source", span: a.span)
            }
            o.conflict = c
        }
        if let arg = p.count > 3 ? p[3] : a.named["ignoredProperties"] {
            guard case .value(let v, _) = arg, case .array(let items) = v.asDynamic else {
                throw KQLError(
                    .argument, "bag_unpack: ignoredProperties must be a dynamic array of names", span: a.span)
            }
            for case .string(let s) in items { o.ignored.insert(s) }
        }
        if case .schema(let s)? = a.named[BagUnpackPlugin.outputSchemaArgument] { o.declared = s }
        return o
    }
}
