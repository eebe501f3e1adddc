import Columnar

/// A one-argument `to*` conversion function: the explicit mode of the one cast table (`Cast`), so a
/// value that cannot be converted (text that is not a number, a number out of range) is null,
/// never an error and never a wrapped number.
protocol ConversionFunction: ScalarFunction {
    var target: ScalarType { get }
}

extension ConversionFunction {
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1)
        return target
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        switch args[0] {
        case .column(let c): return .column(Cast.explicit(c, to: target))
        case .scalar(let v, _): return .scalar(Cast.explicit(v, to: target), target)
        }
    }
}
