import Columnar

/// `row_number([start [, restart]])`: the row's position in the serialized input, from `start`
/// (default 1); the count restarts at `start` on rows where `restart` is true. A number past the
/// long range is null.
struct RowNumberFunction: ScalarFunction {
    let name = "row_number"
    var needsSerializedInput: Bool { true }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.integer, .bool], arity: 0...2); return .long
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        // `start` is read from the first row; with no rows there is none to read.
        let start = args.isEmpty || n == 0 ? 1 : (Numeric.long(args[0].value(0)) ?? 1)
        let restart = args.count > 1 ? BoolView(args[1]) : nil
        var w = FixedColumnWriter<Int64>(type: .long, count: n)
        var k: Int64? = start
        for i in 0..<n {
            if i > 0 { k = restart?.get(i) == true ? start : k.flatMap { CheckedMath.add($0, 1) } }
            w.set(i, k)
        }
        return .column(w.finish())
    }
}
