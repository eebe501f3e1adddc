import Columnar

/// `set_union(a1, a2, ...)` (distinct elements of all arrays, in first-seen order) and
/// `set_intersect(a1, a2, ...)` (distinct elements present in every array).
struct SetOperationFunction: ScalarFunction {
    let name: String
    let union: Bool
    static let setUnion = SetOperationFunction(name: "set_union", union: true)
    static let setIntersect = SetOperationFunction(name: "set_intersect", union: false)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic], arity: 2...64); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let union = self.union
        return try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var arrays: [[Dynamic]] = []
            for v in r {
                guard case .dynamic(.array(let a)) = v else { return .dynamic(.null) }
                arrays.append(a)
            }
            var seen = Set<Dynamic>(), out: [Dynamic] = []
            if union {
                for a in arrays { for x in a where seen.insert(x).inserted { out.append(x) } }
            } else {
                let rest = arrays.dropFirst().map(Set.init)
                for x in arrays[0] where rest.allSatisfy({ $0.contains(x) }) && seen.insert(x).inserted {
                    out.append(x)
                }
            }
            return .dynamic(.array(out))
        }
    }
}
