import Columnar

/// `row_window_session(expr, maxFromFirst, maxBetweenNeighbors [, restart])`: for each row of the
/// serialized input, the `expr` value that started its session. A row starts a new session when there is no
/// session yet or the session's value is null, when it is at or past the session start plus
/// `maxFromFirst`, when it is at or past the previous row's value plus `maxBetweenNeighbors`, or when
/// `restart` is true; a null `expr` gives null and the next row starts a new session.
struct RowWindowSessionFunction: ScalarFunction {
    let name = "row_window_session"
    var needsSerializedInput: Bool { true }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime, .timespan, .timespan, .bool], arity: 3...4)
        return .datetime
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let x = FixedArgument<Int64>(args[0].type == .datetime ? args[0] : try ToDatetimeHelper.cast(args[0], rows: n))
        let restart = args.count > 3 ? BoolView(args[3]) : nil
        func span(_ k: Int, _ i: Int) -> Int64? {
            guard case .timespan(let t) = ValueOrder.unwrap(args[k].value(i)) else { return nil }
            return t
        }
        var w = FixedColumnWriter<Int64>(type: .datetime, count: n)
        var start: Int64?, previous: Int64?
        for i in 0..<n {
            guard !x.isNull(i) else { w.setNull(i); start = nil; previous = nil; continue }
            let t = x[i]
            var newSession = start == nil || restart?.get(i) == true
            if !newSession, let s = start, let limit = span(1, i), CheckedMath.add(s, limit).map({ t >= $0 }) ?? false {
                newSession = true
            }
            if !newSession, let p = previous, let gap = span(2, i), CheckedMath.add(p, gap).map({ t >= $0 }) ?? false {
                newSession = true
            }
            if newSession { start = t }
            previous = t
            w.set(i, start)
        }
        return .column(w.finish())
    }
}
