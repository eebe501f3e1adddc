import Columnar

/// Unary minus over numbers and timespans; null stays null, and so does the minimum of an int, long
/// or timespan, whose negation does not fit.
struct NegateOperator: ScalarFunction {
    let name = "-"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan")])
        guard args[0].type != .dynamic else {
            throw Signature.mismatch(name, 1, 0, "a number or a timespan (convert dynamic values first)", .dynamic)
        }
        return args[0].type
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], n = context.rowCount
        switch a.type {
        case .int: return Kernel.unary(a, Int32.self, out: .int, rows: n) { x -> Int32? in x == .min ? nil : -x }
        case .long, .timespan: return Kernel.unary(a, Int64.self, out: a.type, rows: n) { CheckedMath.negate($0) }
        case .real: return Kernel.unary(a, Double.self, out: .real, rows: n) { -$0 }
        default:
            return try Kernel.boxed([a], out: .decimal, rows: n) { (r: [Value]) -> Value in
                guard case .decimal(let d) = r[0] else { return .null }
                return .decimal(-d)
            }
        }
    }
}
