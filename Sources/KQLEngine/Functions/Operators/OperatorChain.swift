import Columnar
import KQLSyntax

/// A run of binary operators of one precedence level applied from the left, `a + b - c + …` or
/// `x == 1 or x == 2 or …`, bound as one call over all the operands.
///
/// Not a KQL function: the binder makes one for every `.chain` of three or more operands, so the bound
/// tree of a chain is one node wide instead of one level deep per operand, and evaluating, pruning or
/// releasing it never recurses along the chain. Each step is the operator's own function, with the
/// type and span the nested form would have had.
struct OperatorChain: ScalarFunction {
    struct Step: Sendable {
        var function: any ScalarFunction
        /// The type of the running result after this step.
        var type: ScalarType
        /// From the first operand to this step's right operand: where this step's errors point.
        var span: SourceSpan
    }

    /// `steps[i]` combines the running result with operand `i + 1`.
    let steps: [Step]

    var name: String { steps.map(\.function.name).first ?? "chain" }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        guard args.count == steps.count + 1, let last = steps.last else {
            throw FunctionError(.runtime, "an operator chain of \(steps.count) steps got \(args.count) operands")
        }
        return last.type
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        do {
            return try evaluateSteps(context: context) { (i: Int) throws(KQLError) -> ColumnarValue in args[i] }
        } catch {
            throw FunctionError(error.code, error.message, hint: error.hint)
        }
    }

    /// Applies the steps in order, asking for each operand only when its step comes (so a long chain holds
    /// two columns at a time, as the nested form did); an error names the step's operator and points at its span.
    func evaluateSteps(
        context: FunctionContext,
        operand: (Int) throws(KQLError) -> ColumnarValue
    ) throws(KQLError) -> ColumnarValue {
        var running = try operand(0)
        for (i, step) in steps.enumerated() {
            let right = try operand(i + 1)
            do {
                running = try step.function.evaluate([running, right], context: context)
            } catch {
                throw KQLError(
                    error.code, "\(step.function.name)(): \(error.message)", span: step.span, hint: error.hint)
            }
            if running.type != step.type {
                throw KQLError(
                    .runtime,
                    "\(step.function.name)() returned \(running.type.rawValue) where \(step.type.rawValue) was announced",
                    span: step.span, hint: "this is a bug in the function library; please report it")
            }
        }
        return running
    }
}
