import Columnar

/// `strrep(value, n [, delimiter])`: `value` repeated `n` times, joined by `delimiter`.
///
/// The result's size is known before it is built, so it is charged to the query's memory budget first:
/// nested calls that would ask for gigabytes fail with `E_QUERY_MEMORY` instead of allocating them.
struct StrrepFunction: ScalarFunction {
    let name = "strrep"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.any, .integer, .any], arity: 2...3)
        return .string
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) { (r: [Value]) throws(FunctionError) -> Value in
            guard let n = Numeric.long(r[1]), n >= 0, n <= 1024 else { return .null }
            let value = r[0].text
            let delimiter = r.count > 2 ? r[2].text : ""
            let count = Int(n)
            try meter.add(MemorySize.sum(MemorySize.product(value.utf8.count, count),
                                         MemorySize.product(delimiter.utf8.count, max(count - 1, 0))))
            return .string([String](repeating: value, count: count).joined(separator: delimiter))
        }
        try meter.flush()
        return result
    }
}
