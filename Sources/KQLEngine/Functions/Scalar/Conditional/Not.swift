import Columnar

/// `not(b)`: logical negation; null stays null.
struct NotFunction: ScalarFunction {
    let name = "not"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.bool]); return .bool
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let b = BoolView(args[0]), n = context.rowCount
        return Kernel.rows(allConstant: b.isConstant, rows: n) { i in b.get(i).map { !$0 } }
    }
}
