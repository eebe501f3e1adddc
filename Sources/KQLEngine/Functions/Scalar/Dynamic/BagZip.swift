import Columnar

/// `bag_zip(keys, values)`: a property bag pairing each string key with the value at its position (null when
/// the values run out); keys that are not strings are skipped. Values that are not an array count as no values
/// (every key gets null), and keys that are not an array give null, as the reference's examples show.
struct BagZipFunction: ScalarFunction {
    let name = "bag_zip"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .dynamic]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .array(let keys) = r[0].asDynamic else { return .dynamic(.null) }
            let values: [Dynamic]
            if case .array(let v) = r[1].asDynamic { values = v } else { values = [] }
            var bag = PropertyBag()
            for (i, k) in keys.enumerated() {
                guard case .string(let key) = k else { continue }
                bag[key] = i < values.count ? values[i] : .null
            }
            return .dynamic(.bag(bag))
        }
    }
}
