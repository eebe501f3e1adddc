import Columnar

/// `parse_json(s)` / `todynamic(s)`: JSON text as a dynamic value; text that is not valid JSON
/// stays a dynamic string; a dynamic argument is returned as is.
struct ParseJsonFunction: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        // The explicit mode of the one cast table (`Cast`) holds the rule, so `todynamic` and every
        // other conversion to dynamic agree.
        switch args[0] {
        case .column(let c): return .column(Cast.explicit(c, to: .dynamic))
        case .scalar(let v, _): return .scalar(Cast.explicit(v, to: .dynamic), .dynamic)
        }
    }
}
