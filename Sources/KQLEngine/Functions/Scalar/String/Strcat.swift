import Columnar

/// `strcat(a1, ..., aN)`: the arguments (1 to 64, any type, converted with `tostring`) joined.
struct StrcatFunction: ScalarFunction {
    let name = "strcat"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...64); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxed(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            try meter.add(r.reduce(0) { MemorySize.sum($0, BudgetMeter.textLength($1)) })
            return .string(r.reduce(into: "") { $0 += $1.text })
        }
        try meter.flush()
        return result
    }
}
