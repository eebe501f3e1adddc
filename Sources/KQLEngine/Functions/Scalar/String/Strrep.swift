import Columnar

/// `strrep(value, n [, delimiter])`: `value` repeated `n` times, joined by `delimiter`; an `n` over
/// 1024 repeats 1024 times (as the docs say), a negative one gives null.
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
        let result = try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            guard let requested = Numeric.long(r[1]), requested >= 0 else { return .null }
            // The docs cap the count at 1024: a larger one repeats 1024 times.
            let n = min(requested, 1024)
            let value = r[0].text
            let delimiter = r.count > 2 ? r[2].text : ""
            let count = Int(n)
            try meter.add(
                MemorySize.sum(
                    MemorySize.product(value.utf8.count, count),
                    MemorySize.product(delimiter.utf8.count, max(count - 1, 0))))
            return .string([String](repeating: value, count: count).joined(separator: delimiter))
        }
        try meter.flush()
        return result
    }
}
