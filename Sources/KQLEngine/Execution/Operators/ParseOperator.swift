import Columnar
import Foundation
import KQLSyntax

/// `parse` / `parse-where`: matches each row's text against the compiled pattern and extracts typed columns.
/// An unmatched row gets nulls (empty strings) in every extracted column, or is dropped by `parse-where`.
struct ParseOperator {
    let bound: BoundParse

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        var options: NSRegularExpression.Options = []
        if bound.caseInsensitive { options.insert(.caseInsensitive) }
        if bound.dotMatchesNewlines { options.insert(.dotMatchesLineSeparators) }
        if bound.multiline { options.insert(.anchorsMatchLines) }
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: bound.pattern, options: options) } catch {
            throw KQLError(.argument, "the parse pattern is not a valid regular expression: \(bound.pattern)")
        }
        let text = try evaluator.column(bound.source, over: input)
        var builders = bound.columns.map { ColumnBuilder(type: $0.type, capacity: input.rowCount) }
        var kept: [Int] = []
        for r in 0..<input.rowCount {
            let values = extract(text.value(r), regex)
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
            if let i = c.replaces { fields[i] = Field(c.name, column.type); columns[i] = column }
            else { fields.append(Field(c.name, column.type)); columns.append(column) }
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: base.rowCount)
    }

    /// The extracted values of one row, or nil when the row does not match (or, except in relaxed mode,
    /// a captured text does not convert to its column's type).
    private func extract(_ v: Value, _ regex: NSRegularExpression) -> [Value]? {
        if v.isNull { return nil }
        let s: String
        if case .string(let t) = v { s = t } else { s = v.text }
        let ns = s as NSString
        guard let m = regex.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var out: [Value] = []
        for (j, c) in bound.columns.enumerated() {
            let range = m.range(withName: "p\(j)")
            let piece = range.location == NSNotFound ? "" : ns.substring(with: range)
            var value = c.type == .string ? Value.string(piece) : Conversion.convert(.string(piece), to: c.type)
            if value.isNull, c.type == .datetime, let t = SlashDateText.parse(piece) { value = .datetime(t) }
            if value.isNull, c.type != .string, !bound.relaxed { return nil }
            out.append(value)
        }
        return out
    }
}
