import Columnar

/// `range(start, stop [, step])`: the array start, start+step, ... up to and including stop.
/// Numbers step by 1 by default, datetimes and timespans by one hour; at most 2^20 elements.
/// Each array is charged to the query's memory budget as it is made (one array is at most 2^20
/// elements, so a query of many rows fails with `E_QUERY_MEMORY` after at most one array too many).
struct RangeArrayFunction: ScalarFunction {
    let name = "range"
    static let limit = 1 << 20

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(
            name, args,
            [.oneOf([.int, .long, .real, .decimal, .datetime, .timespan], "a number, datetime or timespan")],
            arity: 2...3)
        return .dynamic
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        var meter = BudgetMeter(context)
        let result = try Kernel.boxedStrict(args, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            let start = ValueOrder.unwrap(r[0]), stop = ValueOrder.unwrap(r[1])
            let step = r.count > 2 ? ValueOrder.unwrap(r[2]) : nil
            var out: [Dynamic] = []
            switch start {
            case .datetime(let s), .timespan(let s):
                let isDate: Bool = { if case .datetime = start { return true } else { return false } }()
                let e: Int64
                switch stop {
                case .datetime(let x), .timespan(let x): e = x;
                default: return .dynamic(.null)
                }
                var st: Int64 = 3_600_000_000_000
                if let step { guard case .timespan(let x) = step else { return .dynamic(.null) }; st = x }
                guard st != 0 else { return .dynamic(.null) }
                var v = s
                while (st > 0 ? v <= e : v >= e), out.count < RangeArrayFunction.limit {
                    out.append(isDate ? .datetime(v) : .timespan(v))
                    let (n, o) = v.addingReportingOverflow(st); if o { break }; v = n
                }
            default:
                let isReal = [start, stop, step ?? .long(1)].contains {
                    if case .real = $0 { return true }; if case .decimal = $0 { return true }; return false
                }
                if isReal {
                    guard let s = Numeric.double(start), let e = Numeric.double(stop) else { return .dynamic(.null) }
                    let st = step.flatMap { Numeric.double($0) } ?? 1
                    guard st != 0, st.isFinite else { return .dynamic(.null) }
                    var i = 0.0
                    while out.count < RangeArrayFunction.limit {
                        let v = s + i * st
                        if st > 0 ? v > e : v < e { break }
                        out.append(.real(v)); i += 1
                    }
                } else {
                    guard let s = Numeric.long(start), let e = Numeric.long(stop) else { return .dynamic(.null) }
                    let st = step.flatMap { Numeric.long($0) } ?? 1
                    guard st != 0 else { return .dynamic(.null) }
                    var v = s
                    while (st > 0 ? v <= e : v >= e), out.count < RangeArrayFunction.limit {
                        out.append(.long(v))
                        let (n, o) = v.addingReportingOverflow(st); if o { break }; v = n
                    }
                }
            }
            try meter.add(MemorySize.shallow(.array(out)) + out.count * MemorySize.dynamicBox)
            return .dynamic(.array(out))
        }
        try meter.flush()
        return result
    }
}
