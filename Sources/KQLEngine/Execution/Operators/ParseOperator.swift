import Columnar
import KQLSyntax

/// `parse` / `parse-where`: matches each row's text against the compiled pattern and extracts typed columns.
/// An unmatched row gets nulls (empty strings) in every extracted column, or is dropped by `parse-where`.
struct ParseOperator {
    let bound: BoundParse

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var flags: RegexFlags = []
        if bound.caseInsensitive { flags.insert(.caseInsensitive) }
        if bound.dotMatchesNewlines { flags.insert(.dotMatchesNewline) }
        if bound.multiline { flags.insert(.multiline) }
        if bound.ungreedy { flags.insert(.ungreedy) }
        let regex: CompiledRegex
        do { regex = try RegexCache.shared.regex(bound.pattern, flags: flags) } catch {
            throw KQLError(.regex, "the parse pattern does not compile: \(error.message)")
        }
        // Column j is captured by the group the binder named `p<j>`.
        let groups = bound.columns.indices.map { regex.group(named: "p\($0)") }
        let text = try evaluator.column(bound.source, over: input)
        var builders = bound.columns.map { ColumnBuilder(type: $0.type, capacity: input.rowCount) }
        var kept: [Int] = []
        for r in 0..<input.rowCount {
            let values = extract(text.value(r), regex, groups)
            if bound.keepsOnlyMatches {
                guard let values else { continue }
                kept.append(r)
                for j in values.indices { builders[j].append(values[j]) }
            } else {
                for j in builders.indices {
                    builders[j].append(values?[j] ?? (bound.columns[j].type == .string ? .string("") : .null))
                }
            }
        }
        let base = bound.keepsOnlyMatches ? input.gather(kept) : input
        var fields = base.schema.fields, columns = base.columns
        for (j, c) in bound.columns.enumerated() {
            let column = builders[j].finish()
            if let i = c.replaces {
                fields[i] = Field(c.name, column.type); columns[i] = column
            } else {
                fields.append(Field(c.name, column.type)); columns.append(column)
            }
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: base.rowCount)
    }

    /// The extracted values of one row, or nil when the row does not match (or, except in relaxed mode,
    /// a captured text does not convert to its column's type).
    private func extract(_ v: Value, _ regex: CompiledRegex, _ groups: [Int?]) -> [Value]? {
        if v.isNull { return nil }
        var s: String
        if case .string(let t) = v { s = t } else { s = v.text }
        return s.withUTF8 { t -> [Value]? in
            guard let m = regex.firstMatch(in: t, groups: regex.groupCount + 1) else { return nil }
            var out: [Value] = []
            for (j, c) in bound.columns.enumerated() {
                let piece = groups[j].flatMap { m.range($0) }.map { CompiledRegex.text(t, $0) } ?? ""
                var value = c.type == .string ? Value.string(piece) : Cast.explicit(.string(piece), to: c.type)
                if value.isNull, c.type == .datetime, let t = SlashDateText.parse(piece) { value = .datetime(t) }
                if value.isNull, c.type != .string, !bound.relaxed { return nil }
                out.append(value)
            }
            return out
        }
    }
}

extension ParseOperator: PhysicalOperator {
    var name: String { "parse" }
    var traits: OperatorTraits { .rowWise }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
