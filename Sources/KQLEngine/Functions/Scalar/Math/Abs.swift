import Columnar

/// `abs(x)`: the absolute value, of the argument's type (numbers and timespans).
struct AbsFunction: ScalarFunction {
    let name = "abs"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan")])
        return args[0].type == .dynamic ? .real : args[0].type
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], n = context.rowCount
        switch a.type {
        case .int: return Kernel.unary(a, Int32.self, out: .int, rows: n) { $0 == .min ? nil : Swift.abs($0) }
        case .long, .timespan:
            return Kernel.unary(a, Int64.self, out: a.type, rows: n) { $0 == .min ? nil : Swift.abs($0) }
        case .decimal:
            return try Kernel.boxed([a], out: .decimal, rows: n) { (r: [Value]) -> Value in
                if case .decimal(let d) = r[0] { return .decimal(d < 0 ? -d : d) }
                return .null
            }
        default:
            return Kernel.unary(Numeric.cast(a, to: .real, rows: n), Double.self, out: .real, rows: n) { Swift.abs($0) }
        }
    }
}
