import Foundation
import Columnar

/// `row_cumsum(term [, restart])`: the running sum of `term` over the serialized input (nulls add
/// nothing), starting again from zero on rows where `restart` is true. A long or timespan running sum
/// that does not fit its type is null on that row; the sum stays exact, so it is a value again once
/// later terms bring it back into range.
struct RowCumsumFunction: ScalarFunction {
    let name = "row_cumsum"
    var needsSerializedInput: Bool { true }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(
            name, args, [.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan"), .bool],
            arity: 1...2)
        let t = args[0].type
        return t == .int || t == .dynamic ? .long : t
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        let restart = args.count > 1 ? BoolView(args[1]) : nil
        switch out {
        case .long, .timespan:
            let x = FixedArgument<Int64>(out == .timespan ? args[0] : Numeric.cast(args[0], to: .long, rows: n))
            var w = FixedColumnWriter<Int64>(type: out, count: n)
            var s = ExactSum()
            for i in 0..<n {
                if restart?.get(i) == true { s = ExactSum() }
                if !x.isNull(i) { s.add(x[i]) }
                w.set(i, s.value)
            }
            return .column(w.finish())
        case .real:
            let x = FixedArgument<Double>(Numeric.cast(args[0], to: .real, rows: n))
            let w = FixedColumnWriter<Double>(type: .real, count: n)
            var s = 0.0
            for i in 0..<n {
                if restart?.get(i) == true { s = 0 }
                if !x.isNull(i) { s += x[i] }
                w.set(i, s)
            }
            return .column(w.finish())
        default:
            var b = ColumnBuilder(type: .decimal, capacity: n)
            var s: Decimal = 0
            for i in 0..<n {
                if restart?.get(i) == true { s = 0 }
                if case .decimal(let d) = args[0].value(i) { s += d }
                b.append(decimal: s)
            }
            return .column(b.finish())
        }
    }
}
