import Columnar

/// `array_iff(conditions, ifTrue, ifFalse)` (alias `array_iif`): element-wise choice; `ifTrue`/`ifFalse` are arrays
/// (read at the same position, null past their end) or single values; a number is true when not 0, and any other
/// non-bool condition gives null.
struct ArrayIffFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .any, .any]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .array(let conditions) = r[0].asDynamic else { return .dynamic(.null) }
            func pick(_ v: Value, _ i: Int) -> Dynamic {
                if case .array(let items) = v.asDynamic { return i < items.count ? items[i] : .null }
                return v.asDynamic
            }
            return .dynamic(
                .array(
                    conditions.enumerated().map { i, c in
                        // "Numeric condition values are considered true if not equal to 0"; anything else gives null.
                        let b: Bool
                        switch c {
                        case .bool(let x): b = x
                        case .long(let x): b = x != 0
                        case .real(let x): b = x != 0
                        case .decimal(let x): b = x != 0
                        default: return .null
                        }
                        return pick(b ? r[1] : r[2], i)
                    }))
        }
    }
}
