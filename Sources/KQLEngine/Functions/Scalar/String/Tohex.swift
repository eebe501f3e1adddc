import Columnar

/// `tohex(n [, minLength])`: two's-complement hex of an int (32 bits) or long (64 bits), lower-case,
/// padded with zeros to `minLength` (at most 16, as the docs say: a larger one counts as 16).
///
/// The padding is charged to the query's memory budget before it is built, so a huge `minLength`
/// fails with `E_QUERY_MEMORY` instead of allocating it.
struct TohexFunction: ScalarFunction {
    let name = "tohex"

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.integer, .integer], arity: 1...2)
        return .string
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxedStrict(args, out: .string, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let digits: String
            switch r[0] {
            case .int(let v): digits = String(UInt32(bitPattern: v), radix: 16)
            default:
                guard let v = Numeric.long(r[0]) else { return .null }
                digits = String(UInt64(bitPattern: v), radix: 16)
            }
            // The docs cap the padding at 16 digits: a larger width counts as 16.
            let width = r.count > 1 ? min(16, Numeric.long(r[1]) ?? 0) : 0
            guard width > Int64(digits.count) else { return .string(digits) }
            try meter.add(Int(clamping: width))
            return .string(String(repeating: "0", count: Int(width) - digits.count) + digits)
        }
        try meter.flush()
        return result
    }
}
