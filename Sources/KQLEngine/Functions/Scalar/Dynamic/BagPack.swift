import Columnar

/// `bag_pack(key1, value1, key2, value2, ...)` / `pack(...)`: a property bag of the pairs.
struct BagPackFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        guard args.count % 2 == 0 else {
            throw FunctionError(
                .type, "\(name)() expects key/value pairs (an even number of arguments), got \(args.count)")
        }
        for i in stride(from: 0, to: args.count, by: 2) { try Signature.expect(name, args, i, .string) }
        return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var bag = PropertyBag()
            for i in stride(from: 0, to: r.count, by: 2) { bag[r[i].text] = r[i + 1].asDynamic }
            return .dynamic(.bag(bag))
        }
    }
}
