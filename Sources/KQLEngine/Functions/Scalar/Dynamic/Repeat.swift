import Columnar

/// `repeat(value, count)`: a dynamic array of `count` copies of a scalar value; empty for 0, null for a
/// negative count. The array's size is charged to the query's budget before it is built.
struct RepeatFunction: ScalarFunction {
    let name = "repeat"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(
            name, args,
            [
                .oneOf(
                    [.bool, .int, .long, .real, .decimal, .datetime, .timespan, .string, .guid],
                    "a scalar value"), .integer,
            ])
        return .dynamic
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            guard let n = Numeric.long(r[1]), n >= 0 else { return .dynamic(.null) }
            let item = r[0].asDynamic
            let count = Int(clamping: n)
            try meter.add(
                MemorySize.product(count, MemorySize.sum(MemoryLayout<Dynamic>.stride, MemorySize.deep(item))))
            return .dynamic(.array([Dynamic](repeating: item, count: count)))
        }
        try meter.flush()
        return result
    }
}
