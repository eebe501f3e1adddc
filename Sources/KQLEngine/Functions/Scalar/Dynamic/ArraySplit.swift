import Columnar

/// `array_split(array, index)` / `array_split(array, dynamic([i1, i2, ...]))`: the array cut before each index
/// (negative indices count from the end; indices past either end are clamped), as an array of arrays.
struct ArraySplitFunction: ScalarFunction {
    let name = "array_split"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic, .oneOf([.int, .long], "a whole number or an array of them")]);
        return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .array(let items) = r[0].asDynamic else { return .dynamic(.null) }
            var cuts: [Int64] = []
            switch r[1].asDynamic {
            case .long(let i): cuts = [i]
            case .array(let list):
                for case .long(let i) in list { cuts.append(i) }
            default: return .dynamic(.null)
            }
            let n = Int64(items.count)
            var parts: [Dynamic] = []
            var from = 0
            for c in cuts {
                let at = Int(min(max(c < 0 ? n + c : c, 0), n))
                let to = max(at, from)
                parts.append(.array(Array(items[from..<to])))
                from = to
            }
            parts.append(.array(Array(items[from...])))
            return .dynamic(.array(parts))
        }
    }
}
