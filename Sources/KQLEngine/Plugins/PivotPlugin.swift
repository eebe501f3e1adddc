import Columnar
import KQLSyntax

/// `T | evaluate pivot(PivotColumn [, Aggregation(Column)] [, Column1, ...])`: one row per value of the
/// grouping columns (by default every column but the pivoted and aggregated ones), and one column per
/// distinct value of the pivot column, in the order the values first appear, holding the aggregation
/// (`count()` by default) of that group's rows with that value.
///
/// The engine runs `summarize Aggregation by Columns..., PivotColumn` over the input first
/// (``TabularPlugin/inputOperators(_:input:span:)``), so every aggregation function works as in `summarize`;
/// a group without rows for a value holds 0 for `count`, `dcount` and `sum`, an empty array or bag for
/// `make_list`, `make_set` and `make_bag`, and null otherwise. The output's columns are known only once it
/// ran.
struct PivotPlugin: TabularPlugin {
    let name = "pivot"
    /// The prefix of the name the aggregated value gets in the summarized table; the aggregation function's
    /// name follows, so `run` knows what a group without rows holds.
    private static let valuePrefix = "$pivot_"

    func inputOperators(_ arguments: [ArgumentSyntax], input: Schema, span: SourceSpan) throws(KQLError)
        -> [OperatorSyntax]?
    {
        guard let first = arguments.first, first.name == nil, case .name(let pivot) = first.value else {
            throw KQLError(
                .argument,
                "pivot needs the column to rotate: pivot(PivotColumn [, Aggregation(Column)] [, Column1, ...])",
                span: span)
        }
        guard input.index(of: pivot.name) != nil else {
            throw KQLError(.unknownName, "pivot: no column '\(pivot.name)' in its input", span: pivot.span)
        }
        var rest = arguments.dropFirst()
        var aggregate = ExpressionSyntax.call(name: NameSyntax("count", span: span), arguments: [], span: span)
        if let a = rest.first, a.name == nil, case .call = a.value {
            aggregate = a.value
            rest = rest.dropFirst()
        }
        var groups: [NameSyntax] = []
        for a in rest {
            guard a.name == nil, case .name(let n) = a.value else {
                throw KQLError(.argument, "pivot: after the aggregation come column names", span: a.value.span)
            }
            groups.append(n)
        }
        if groups.isEmpty {
            let used = Set([pivot.name] + PivotPlugin.names(in: aggregate))
            groups = input.fields.filter { !used.contains($0.name) }.map { NameSyntax($0.name, span: span) }
        }
        guard case .call(let function, _, _) = aggregate else {
            throw KQLError(.argument, "pivot: the aggregation must be a call such as sum(x)", span: span)
        }
        let valueName = NameSyntax(PivotPlugin.valuePrefix + function.name.lowercased(), span: span)
        let summarize = SummarizeSyntax(
            options: [], aggregates: [AssignmentSyntax(names: [valueName], value: aggregate)],
            by: (groups + [pivot]).map { AssignmentSyntax(names: [], value: .name($0)) })
        return [OperatorSyntax(kind: .summarize(summarize), span: span, keywordSpan: span)]
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? { nil }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        guard case .table(let summarized)? = arguments.named[PluginArguments.inputQueryArgument] else {
            throw KQLError(.argument, "pivot: its aggregation did not run", span: arguments.span)
        }
        let fields = summarized.schema.fields
        let valueIndex = fields.count - 1, pivotIndex = fields.count - 2
        let groupCount = fields.count - 2
        // Rows of the output by group key, pivot values by first appearance.
        var groupRow: [[Value]: Int] = [:], groupKeys: [[Value]] = [], firstRow: [Int] = []
        var pivotColumn: [String: Int] = [:], pivotNames: [String] = []
        var cells: [[Int: Value]] = []
        for r in 0..<summarized.rowCount {
            let key = (0..<groupCount).map { summarized.columns[$0].value(r) }
            let g: Int
            if let known = groupRow[key] {
                g = known
            } else {
                g = groupKeys.count
                groupRow[key] = g; groupKeys.append(key); firstRow.append(r); cells.append([:])
            }
            let pivotValue = summarized.columns[pivotIndex].value(r)
            let name = pivotValue.type == .dynamic ? pivotValue.asDynamic.jsonText : pivotValue.text
            let c: Int
            if let known = pivotColumn[name] {
                c = known
            } else {
                c = pivotNames.count; pivotColumn[name] = c; pivotNames.append(name)
            }
            cells[g][c] = summarized.columns[valueIndex].value(r)
            if r % 4096 == 0 { try arguments.budget.checkDeadline() }
        }
        try arguments.budget.charge(count: groupKeys.count, bytesEach: 16 * (groupCount + pivotNames.count), for: name)
        let valueType = fields[valueIndex].type
        let empty = PivotPlugin.emptyValue(
            String(fields[valueIndex].name.dropFirst(PivotPlugin.valuePrefix.count)), valueType)
        var names = ColumnNamer(existing: [])
        var outFields = (0..<groupCount).map { Field(names.unique(fields[$0].name), fields[$0].type) }
        var columns = (0..<groupCount).map { summarized.columns[$0].gather(firstRow) }
        for (c, pivotName) in pivotNames.enumerated() {
            var b = ColumnBuilder(type: valueType, capacity: groupKeys.count)
            for g in groupKeys.indices {
                if let v = cells[g][c] ?? empty { b.append(v) } else { b.appendNull() }
            }
            outFields.append(Field(names.unique(pivotName.isEmpty ? "Column1" : pivotName), valueType))
            columns.append(b.finish())
        }
        return PluginResult(table: Table(schema: Schema(outFields), columns: columns, rowCount: groupKeys.count))
    }

    /// What a group without rows for a pivot value holds: the aggregation over no rows.
    private static func emptyValue(_ function: String, _ type: ScalarType) -> Value? {
        switch function {
        case "count", "countif", "dcount", "dcountif", "sum", "sumif", "count_distinct", "count_distinctif":
            return Cast.value(.long(0), to: type, mode: .implicit)
        case "make_list", "make_list_if", "make_set", "make_set_if", "make_list_with_nulls": return .dynamic(.array([]))
        case "make_bag", "make_bag_if": return .dynamic(.bag(PropertyBag()))
        default: return nil
        }
    }

    /// The plain names an expression mentions (the aggregated column of `sum(x)`).
    private static func names(in e: ExpressionSyntax) -> [String] {
        var out: [String] = []
        var stack = [e]
        while let x = stack.popLast() {
            switch x {
            case .name(let n): out.append(n.name)
            case .call(_, let args, _): stack.append(contentsOf: args.map(\.value))
            case .binary(_, let l, let r, _): stack.append(l); stack.append(r)
            case .parenthesized(let i, _), .unary(_, let i, _), .member(let i, _, _): stack.append(i)
            default: break
            }
        }
        return out
    }
}
