import Columnar

/// `ago(span)`: the query's start time minus `span` (null when that is outside the datetime range).
struct AgoFunction: ScalarFunction {
    let name = "ago"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.timespan]); return .datetime
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let now = ColumnarValue.scalar(.datetime(context.now), .datetime)
        return Kernel.binary(now, args[0], Int64.self, Int64.self, out: .datetime, rows: context.rowCount) {
            CheckedMath.subtract($0, $1)
        }
    }
}
