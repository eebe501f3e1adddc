import Columnar
import KQLSyntax

/// `parse-kv`: extracts the listed keys' values from each row's text into typed columns. The first
/// appearance of a key wins; a key that is missing (or whose text does not convert) is null, or the empty
/// string in a string column.
struct ParseKvOperator {
    let bound: BoundParseKv

    func execute(_ input: Table, _ evaluator: ExpressionEvaluator) throws(KQLError) -> Table {
        let text = try evaluator.column(bound.source, over: input)
        let wanted = Set(bound.keys.map(\.name))
        var compiled: CompiledRegex?
        if case .regex(let r) = bound.mode {
            do { compiled = try RegexCache.shared.regex(r) } catch { throw KQLError(.regex, error.message) }
        }
        var builders = bound.keys.map { ColumnBuilder(type: $0.type, capacity: input.rowCount) }
        for r in 0..<input.rowCount {
            if r % 4096 == 0 { try evaluator.context.budget.checkDeadline() }
            let v = text.value(r)
            let s: String
            if case .string(let t) = v {
                s = t
            } else if case .dynamic(.string(let t)) = v {
                s = t
            } else {
                s = v.isNull ? "" : v.text
            }
            let found: [String: String]
            switch bound.mode {
            case .delimited(let pair, let kv, let greedy):
                found = KeyValueText.delimited(
                    Array(s.utf8), pair: pair, kv: kv, syntax: bound.syntax, greedy: greedy, wanted: wanted)
            case .free:
                found = KeyValueText.free(Array(s.utf8), syntax: bound.syntax, wanted: wanted)
            case .regex:
                found = compiled.map { KeyValueText.regex(s, $0, wanted: wanted) } ?? [:]
            }
            for (j, key) in bound.keys.enumerated() {
                builders[j].append(ParseKvOperator.value(found[key.name], key.type))
            }
        }
        var fields = input.schema.fields, columns = input.columns
        for (j, key) in bound.keys.enumerated() {
            let column = builders[j].finish()
            if let i = key.replaces {
                fields[i] = Field(key.name, key.type); columns[i] = column
            } else {
                fields.append(Field(key.name, key.type)); columns.append(column)
            }
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: input.rowCount)
    }

    /// The extracted text as a value of the key's type (as `parse` converts it).
    static func value(_ text: String?, _ type: ScalarType) -> Value {
        guard let text else { return Cast.null(type) }
        if type == .string { return .string(text) }
        var v = Cast.explicit(.string(text), to: type)
        if v.isNull, type == .datetime, let t = SlashDateText.parse(text) { v = .datetime(t) }
        return v.isNull ? Cast.null(type) : v
    }
}

extension ParseKvOperator: PhysicalOperator {
    var name: String { "parse-kv" }
    var traits: OperatorTraits { .rowWise }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        try execute(input, executor.evaluator)
    }
}
