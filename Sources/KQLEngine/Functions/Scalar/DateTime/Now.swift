import Columnar

/// `now([offset])`: the query's start time (one value for the whole query), plus `offset` (null when
/// that is outside the datetime range).
struct NowFunction: ScalarFunction {
    let name = "now"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.timespan], arity: 0...1); return .datetime
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let now = ColumnarValue.scalar(.datetime(context.now), .datetime)
        guard let offset = args.first else { return now }
        return Kernel.binary(now, offset, Int64.self, Int64.self, out: .datetime, rows: context.rowCount) {
            CheckedMath.add($0, $1)
        }
    }
}
