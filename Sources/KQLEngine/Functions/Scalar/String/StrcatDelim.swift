import Columnar

/// `strcat_delim(delimiter, a1, a2, ...)`: two to 64 values (any type, as text) joined by `delimiter`.
struct StrcatDelimFunction: ScalarFunction {
    let name = "strcat_delim"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 3...65)
        try Signature.expect(name, args, 0, .string)
        return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxed(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let delimiters = MemorySize.product(BudgetMeter.textLength(r[0]), r.count - 2)
            try meter.add(r.dropFirst().reduce(delimiters) { MemorySize.sum($0, BudgetMeter.textLength($1)) })
            return .string(r.dropFirst().map(\.text).joined(separator: r[0].text))
        }
        try meter.flush()
        return result
    }
}
