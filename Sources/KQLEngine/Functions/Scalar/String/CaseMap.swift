import Columnar

/// `tolower(s)` / `toupper(s)`: `s` with every character mapped to lower or upper case.
struct CaseMapFunction: ScalarFunction {
    let name: String
    let upper: Bool
    static let tolower = CaseMapFunction(name: "tolower", upper: false)
    static let toupper = CaseMapFunction(name: "toupper", upper: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string]); return .string
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let upper = self.upper
        return Kernel.stringMap(args[0], rows: context.rowCount) { upper ? $0.uppercased() : $0.lowercased() }
    }
}
