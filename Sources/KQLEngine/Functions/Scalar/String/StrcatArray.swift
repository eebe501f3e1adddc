import Columnar

/// `strcat_array(array, delimiter)`: the elements of a dynamic array as text, joined by `delimiter`.
struct StrcatArrayFunction: ScalarFunction {
    let name = "strcat_array"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .string]); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxed(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            guard case .dynamic(.array(let items)) = r[0] else { return .string("") }
            try meter.add(
                MemorySize.sum(
                    BudgetMeter.textLength(r[0]), MemorySize.product(BudgetMeter.textLength(r[1]), items.count)))
            return .string(items.map { Value.dynamic($0).text }.joined(separator: r[1].text))
        }
        try meter.flush()
        return result
    }
}
