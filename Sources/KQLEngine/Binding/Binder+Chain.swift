import Columnar
import KQLSyntax

extension Binder {
    /// Binds `first op₁ x₁ op₂ x₂ …` (a `.chain`) in one loop: leading constant steps are folded, and the rest
    /// becomes one `OperatorChain` call over the remaining operands, so a chain of any length adds one level
    /// to the bound tree.
    func bindChain(
        _ first: ExpressionSyntax, _ links: [ChainLinkSyntax], span: SourceSpan, schema: Schema, scope: Scope,
        aggregates: AggregateCollector?
    ) throws(KQLError) -> BoundExpression {
        var running = try bindScalar(first, schema: schema, scope: scope, aggregates: aggregates)
        var runningSpan = first.span
        var operands: [BoundExpression] = [], operandSpans: [SourceSpan] = []
        var steps: [OperatorChain.Step] = []
        for link in links {
            let stepSpan = first.span.union(link.operand.span)
            guard link.op != .like, link.op != .notLike, let f = functions.binaryFunction(link.op) else {
                throw unsupported("operator `\(link.op.rawValue)`", stepSpan)
            }
            let operand = try bindScalar(link.operand, schema: schema, scope: scope, aggregates: aggregates)
            if steps.isEmpty, running.constantValue != nil, operand.constantValue != nil {
                // Still a constant prefix: fold this step exactly as a nested `.binary` would be.
                running = try makeCall(
                    f, [running, operand], argumentSpans: [runningSpan, link.operand.span], span: stepSpan)
                runningSpan = stepSpan
                continue
            }
            let left = steps.last.map { ArgumentInfo(type: $0.type) } ?? running.argumentInfo
            let type: ScalarType
            do {
                type = try f.returnType([left, operand.argumentInfo])
            } catch {
                throw located(
                    error, argumentSpans: [steps.last?.span ?? runningSpan, link.operand.span], span: stepSpan,
                    function: f.name)
            }
            if steps.isEmpty { operands.append(running); operandSpans.append(runningSpan) }
            operands.append(operand)
            operandSpans.append(link.operand.span)
            steps.append(OperatorChain.Step(function: f, type: type, span: stepSpan))
        }
        switch steps.count {
        case 0: return running
        case 1: return try makeCall(steps[0].function, operands, argumentSpans: operandSpans, span: span)
        default:
            return try makeCall(
                OperatorChain(steps: steps), operands, argumentSpans: operandSpans, span: span,
                applications: steps.count)
        }
    }
}
