import Columnar

/// `bag_merge(b1, b2, ...)`: one bag with every property; for a key in several bags the first
/// bag's value wins.
struct BagMergeFunction: ScalarFunction {
    let name = "bag_merge"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic], arity: 2...64); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var out = PropertyBag()
            for v in r {
                guard case .dynamic(.bag(let b)) = v else { continue }
                for (k, x) in b.pairs where out[k] == nil { out[k] = x }
            }
            return .dynamic(.bag(out))
        }
    }
}
