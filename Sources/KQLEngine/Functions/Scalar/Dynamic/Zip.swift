import Columnar

/// `zip(a1, a2, ...)`: an array of arrays pairing the i-th elements; shorter arrays are padded with null.
struct ZipFunction: ScalarFunction {
    let name = "zip"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.dynamic], arity: 2...16); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            var arrays: [[Dynamic]] = []
            for v in r {
                guard case .dynamic(.array(let a)) = v else { return .dynamic(.null) }
                arrays.append(a)
            }
            let n = arrays.map(\.count).max() ?? 0
            return .dynamic(.array((0..<n).map { i in .array(arrays.map { i < $0.count ? $0[i] : .null }) }))
        }
    }
}
