import Columnar
import KQLSyntax

/// `union`: the legs' rows one after another, columns matched by name and type (see `BoundUnion`);
/// a column a leg lacks is null for its rows. A union over a leg whose schema is known only once it
/// ran (`BoundUnion.resolvesAtRun`) is laid out from the legs' real tables.
struct UnionOperator {
    let union: BoundUnion
    /// `union.legs`, planned.
    let legs: [PhysicalPlan]

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        var tables: [Table] = []
        if union.includesInput { tables.append(input) }
        for leg in legs { tables.append(try executor.run(leg)) }
        var union = self.union
        if union.resolvesAtRun {
            let (fields, mapping) = BoundUnion.layout(
                tables.map(\.schema), inner: union.inner, sourceColumn: union.sourceColumn)
            union.schema = Schema(fields)
            union.mapping = mapping
        }
        // The layout was bound against each leg's schema; a leg that produced other columns would be
        // read out of bounds, so it is refused rather than trusted.
        for (o, field) in union.schema.fields.enumerated() {
            for (l, t) in tables.enumerated() {
                guard let c = union.mapping[o][l] else { continue }
                guard c < t.columns.count, t.schema.fields[c].type == field.type else {
                    throw KQLError(
                        .runtime,
                        "union leg \(l + 1) produced columns \(t.schema.names.joined(separator: ", ")), not those it was bound with",
                        hint: "this is a bug in sandpiper; please report the query")
                }
            }
        }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        // The legs' rows are copied into one table.
        try executor.context.budget.charge(tables.reduce(0) { MemorySize.sum($0, MemorySize.of($1)) })
        var columns: [Column] = []
        for (o, field) in union.schema.fields.enumerated() {
            if o == 0, let _ = union.sourceColumn {
                var b = ColumnBuilder(type: .string, capacity: total)
                for (l, t) in tables.enumerated() { for _ in 0..<t.rowCount { b.append(string: union.legNames[l]) } }
                columns.append(b.finish())
                continue
            }
            var parts: [Column] = []
            for (l, t) in tables.enumerated() {
                if let c = union.mapping[o][l] {
                    parts.append(t.columns[c])
                } else {
                    parts.append(
                        Column(
                            repeating: field.type == .dynamic ? .dynamic(.null) : .null, type: field.type,
                            count: t.rowCount))
                }
            }
            columns.append(UnionOperator.concat(parts, type: field.type, total: total).withEmptyStringsForNulls)
        }
        return Table(schema: union.schema, columns: columns, rowCount: total)
    }

    /// Columns one after another; fixed-width types are copied buffer by buffer.
    static func concat(_ parts: [Column], type: ScalarType, total: Int) -> Column {
        if parts.count == 1 { return parts[0] }
        guard let width = type.fixedWidth else { return Column.concat(parts, type: type) }
        let values = DataBuffer(byteCount: total * width)
        let anyNull = parts.contains { $0.validity != nil }
        let validity = anyNull ? DataBuffer(byteCount: Validity.byteCount(for: total), zeroed: true) : nil
        var offset = 0
        for p in parts {
            if p.count > 0, let src = p.values {
                (values.pointer + offset * width).copyMemory(from: src.pointer, byteCount: p.count * width)
            }
            if let validity {
                for i in 0..<p.count where !p.isNull(i) { Validity.set(validity.pointer, offset + i, true) }
            }
            offset += p.count
        }
        return Column(type: type, count: total, validity: validity, values: values)
    }
}

extension UnionOperator: PhysicalOperator {
    var name: String { "union" }
    /// The input's rows come first, in order, then each leg's.
    var traits: OperatorTraits { .preservesOrder }
}
