import Columnar
import KQLSyntax

/// `T | evaluate schema_merge([PreserveOrder])`: merges the schemas of its input, which holds one or more
/// `getschema` tables one after another (`union s1, s2`), into one schema in `getschema`'s form.
///
/// A schema starts where `ColumnOrdinal` stops growing. Columns are taken schema by schema: a new column is
/// inserted at its ordinal (so a column added in the middle of a later schema lands there), and a column
/// seen before keeps its place with its type reduced to one both types widen to (`int` → `long` → `real`).
/// With `PreserveOrder` (the default), a column whose ordinal differs from the one it had in the first
/// schema that held it is out of order. A column that cannot be merged stays in the result with ordinal -1
/// and the reason as its type, `ERROR(...)`, the form the reference shows.
struct SchemaMergePlugin: TabularPlugin {
    let name = "schema_merge"

    private static let output = Schema([
        Field("ColumnName", .string), Field("ColumnOrdinal", .int), Field("DataType", .string),
        Field("ColumnType", .string),
    ])

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        _ = try preserveOrder(arguments)
        for (name, types) in [
            ("ColumnName", [ScalarType.string]), ("ColumnOrdinal", [.int, .long]), ("ColumnType", [.string]),
        ] where !(input.index(of: name).map { types.contains(input.fields[$0].type) } ?? false) {
            throw KQLError(
                .argument,
                "schema_merge: the input must be getschema tables (string ColumnName, int ColumnOrdinal, string ColumnType); '\(name)' is missing or of another type",
                span: arguments.span, hint: "union the schemas: union (T1 | getschema), (T2 | getschema)")
        }
        return SchemaMergePlugin.output
    }

    private func preserveOrder(_ arguments: PluginArguments) throws(KQLError) -> Bool {
        let given =
            arguments.positional.first ?? arguments.named.first { $0.key.lowercased() == "preserveorder" }?.value
        guard arguments.positional.count + arguments.named.count <= 1 else {
            throw KQLError(.argument, "schema_merge takes one argument, PreserveOrder", span: arguments.span)
        }
        switch given {
        case nil: return true
        case .value(.bool(let b), _)?: return b
        default: throw KQLError(.type, "schema_merge: PreserveOrder must be a bool constant", span: arguments.span)
        }
    }

    /// One column of the merged schema.
    private struct Merged {
        var name: String
        var type: ScalarType?
        /// The ordinal it had in the first schema that held it.
        var firstOrdinal: Int64
        var error: String?
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let preserve = try preserveOrder(arguments)
        let names = input.column(named: "ColumnName")!, ordinals = input.column(named: "ColumnOrdinal")!
        let types = input.column(named: "ColumnType")!
        try arguments.budget.charge(count: input.rowCount, bytesEach: 96, for: "schema_merge()")
        var merged: [Merged] = []
        var previousOrdinal = Int64.min
        var inThisSchema: Set<String> = []
        for r in 0..<input.rowCount {
            let ordinal: Int64
            switch ordinals.value(r) {
            case .int(let v): ordinal = Int64(v)
            case .long(let v): ordinal = v
            default: continue
            }
            if ordinal <= previousOrdinal { inThisSchema = [] }
            previousOrdinal = ordinal
            let name = names.string(r)
            guard !names.isNull(r), inThisSchema.insert(name).inserted else { continue }
            let typeName = types.string(r)
            let type = ScalarType(rawValue: typeName)
            guard let i = merged.firstIndex(where: { $0.name == name }) else {
                let column = Merged(
                    name: name, type: type, firstOrdinal: ordinal,
                    error: type == nil ? "unknown type '\(typeName)'" : nil)
                merged.insert(column, at: Int(clamping: min(max(ordinal, 0), Int64(merged.count))))
                continue
            }
            guard merged[i].error == nil else { continue }
            if preserve && ordinal != merged[i].firstOrdinal {
                merged[i].error = "columns are out of order"
            } else if let t = type, let known = merged[i].type, let common = SchemaMergePlugin.reduce(known, t) {
                merged[i].type = common
            } else {
                merged[i].error = "types \(merged[i].type?.rawValue ?? "?") and \(typeName) cannot be reduced to one"
            }
        }
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        for (p, m) in merged.enumerated() {
            if let error = m.error {
                try out.append([
                    .string(m.name), .int(-1), .string("ERROR(unknown CSL type:ERROR(\(error)))"),
                    .string("ERROR(\(error))"),
                ])
            } else if let t = m.type {
                try out.append([.string(m.name), .int(Int32(clamping: p)), .string(t.dotNetName), .string(t.rawValue)])
            }
        }
        return PluginResult(table: out.finish())
    }

    /// The type two types of one column widen to: the same type, or the wider of two numeric ones.
    static func reduce(_ a: ScalarType, _ b: ScalarType) -> ScalarType? {
        if a == b { return a }
        let numeric: [ScalarType] = [.int, .long, .real]
        guard let i = numeric.firstIndex(of: a), let j = numeric.firstIndex(of: b) else { return nil }
        return numeric[max(i, j)]
    }
}
