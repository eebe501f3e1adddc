import Columnar
import KQLSyntax

/// `evaluate plugin(...)` (and the seed's `| python(...)`): hands the whole input to a `TabularPlugin`;
/// its printed output is kept for the statement's result.
struct EvaluateOperator {
    let evaluate: BoundEvaluate

    /// Runs the plugin; `run` evaluates its tabular arguments first, and row expressions are evaluated over the input.
    func execute(
        input: Table, _ context: ExecutionContext,
        run: (BoundQuery) throws(KQLError) -> Table
    ) throws(KQLError) -> Table {
        var arguments = evaluate.arguments
        arguments.budget = context.budget
        let evaluator = ExpressionEvaluator(context: context)
        for i in arguments.positional.indices {
            if case .query(let q) = arguments.positional[i] { arguments.positional[i] = .table(try run(q)) }
            if case .expression(let e) = arguments.positional[i] {
                arguments.positional[i] = .column(try evaluator.evaluate(e, over: input).column(count: input.rowCount))
            }
        }
        for (name, a) in arguments.named {
            if case .query(let q) = a { arguments.named[name] = .table(try run(q)) }
            if case .inputQuery(let q) = a {
                context.inputs.append(input)
                defer { context.inputs.removeLast() }
                arguments.named[name] = .table(try run(q))
            }
        }
        let result = try evaluate.plugin.run(input: input, arguments: arguments)
        if let out = result.output, !out.isEmpty { context.pluginOutput.append(out) }
        context.pluginFiles += result.files
        if let schema = evaluate.schema, result.table.schema.fields.map(\.type) != schema.fields.map(\.type) {
            throw KQLError(
                .resultSchema,
                "plugin '\(evaluate.plugin.name)' returned columns \(describe(result.table.schema)), expected \(describe(schema))",
                span: evaluate.arguments.span)
        }
        return result.table
    }

    private func describe(_ s: Schema) -> String {
        "(" + s.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ", ") + ")"
    }
}

extension EvaluateOperator: PhysicalOperator {
    var name: String { evaluate.plugin.name }
    /// A plugin sees its whole input at once and may return anything.
    var traits: OperatorTraits { [] }
    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        // Tabular arguments (a lookup plugin's polygons) are planned and run when the plugin runs.
        try execute(input: input, executor.context) { (q) throws(KQLError) -> Table in try executor.run(q) }
    }
}
