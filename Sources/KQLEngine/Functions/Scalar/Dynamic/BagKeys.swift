import Columnar

/// `bag_keys(bag)`: the keys of a property bag as a dynamic array; null when not a bag.
struct BagKeysFunction: ScalarFunction {
    let name = "bag_keys"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic]); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(.bag(let b)) = r[0] else { return .dynamic(.null) }
            return .dynamic(.array(b.keys.map { .string($0) }))
        }
    }
}
