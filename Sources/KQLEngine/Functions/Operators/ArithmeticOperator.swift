import Columnar
import Foundation
import KQLSyntax

/// KQL's `+ - * / %` over numbers (widened int < long < real, decimal wins), datetimes and timespans.
///
/// Integer division truncates toward zero; integer division or modulo by zero gives null, real
/// division follows IEEE (inf/nan). Datetime − datetime is a timespan, datetime ± timespan a datetime,
/// timespan × number a timespan, timespan / timespan a real. Any null operand gives null, and so does
/// a result its type cannot hold (a long past ±2^63, a datetime past 2262-04-11 or before 1677-09-21,
/// a decimal past Foundation's 38 digits): never a wrapped value.
struct ArithmeticOperator: ScalarFunction {
    let op: BinaryOperator
    var name: String { op.rawValue }

    /// How a pair of operand types is computed.
    enum Plan {
        case numeric(ScalarType)
        case dateMinusDate, datePlusSpan, spanPlusDate, dateMinusSpan
        case spanSpan, spanTimesNumber(ScalarType), numberTimesSpan(ScalarType), spanDivNumber(ScalarType), spanDivSpan
    }

    func plan(_ a: ScalarType, _ b: ScalarType) throws(FunctionError) -> Plan {
        if let t = Numeric.common(a, b) { return .numeric(t) }
        switch (op, a, b) {
        case (.subtract, .datetime, .datetime): return .dateMinusDate
        case (.add, .datetime, .timespan): return .datePlusSpan
        case (.add, .timespan, .datetime): return .spanPlusDate
        case (.subtract, .datetime, .timespan): return .dateMinusSpan
        case (.add, .timespan, .timespan), (.subtract, .timespan, .timespan), (.modulo, .timespan, .timespan):
            return .spanSpan
        case (.multiply, .timespan, let n) where n.isNumeric: return .spanTimesNumber(n)
        case (.multiply, let n, .timespan) where n.isNumeric: return .numberTimesSpan(n)
        case (.divide, .timespan, let n) where n.isNumeric: return .spanDivNumber(n)
        case (.divide, .timespan, .timespan): return .spanDivSpan
        default:
            var hint = ""
            if a == .dynamic || b == .dynamic {
                hint = "; convert dynamic values first with tolong(), todouble() or todatetime()"
            }
            if a == .string && b == .string && op == .add { hint = "; use strcat() to join strings" }
            throw FunctionError(
                .type, "operator '\(op.rawValue)' cannot be applied to \(a.rawValue) and \(b.rawValue)\(hint)")
        }
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...2)
        switch try plan(args[0].type, args[1].type) {
        case .numeric(let t): return t
        case .dateMinusDate, .spanSpan, .spanTimesNumber, .numberTimesSpan, .spanDivNumber: return .timespan
        case .datePlusSpan, .spanPlusDate, .dateMinusSpan: return .datetime
        case .spanDivSpan: return .real
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], b = args[1], n = context.rowCount
        let op = self.op
        switch try plan(a.type, b.type) {
        case .numeric(let t):
            let x = Numeric.cast(a, to: t, rows: n), y = Numeric.cast(b, to: t, rows: n)
            switch t {
            case .int:
                return Kernel.binary(x, y, Int32.self, Int32.self, out: .int, rows: n) { Self.integer(op, $0, $1) }
            case .long:
                return Kernel.binary(x, y, Int64.self, Int64.self, out: .long, rows: n) { Self.integer(op, $0, $1) }
            case .real:
                return Kernel.binary(x, y, Double.self, Double.self, out: .real, rows: n) { Self.real(op, $0, $1) }
            default:
                return try Kernel.boxed([x, y], out: .decimal, rows: n) { (r: [Value]) -> Value in
                    guard case .decimal(let p) = r[0], case .decimal(let q) = r[1] else { return .null }
                    return Self.decimal(op, p, q).map { .decimal($0) } ?? .null
                }
            }
        case .dateMinusDate, .spanSpan:
            return Kernel.binary(a, b, Int64.self, Int64.self, out: .timespan, rows: n) { Self.integer(op, $0, $1) }
        case .datePlusSpan, .spanPlusDate, .dateMinusSpan:
            return Kernel.binary(a, b, Int64.self, Int64.self, out: .datetime, rows: n) { Self.integer(op, $0, $1) }
        case .spanTimesNumber(let t):
            return scaleSpan(a, b, t, rows: n, divide: false)
        case .numberTimesSpan(let t):
            return scaleSpan(b, a, t, rows: n, divide: false)
        case .spanDivNumber(let t):
            return scaleSpan(a, b, t, rows: n, divide: true)
        case .spanDivSpan:
            return Kernel.binary(a, b, Int64.self, Int64.self, out: .real, rows: n) { Double($0) / Double($1) }
        }
    }

    /// A timespan multiplied or divided by a number.
    private func scaleSpan(_ span: ColumnarValue, _ number: ColumnarValue, _ t: ScalarType, rows: Int, divide: Bool)
        -> ColumnarValue
    {
        if t == .int || t == .long {
            let k = Numeric.cast(number, to: .long, rows: rows)
            return Kernel.binary(span, k, Int64.self, Int64.self, out: .timespan, rows: rows) { s, k in
                divide ? Self.integer(.divide, s, k) : CheckedMath.multiply(s, k)
            }
        }
        let k = Numeric.cast(number, to: .real, rows: rows)
        return Kernel.binary(span, k, Int64.self, Double.self, out: .timespan, rows: rows) { s, k in
            CheckedMath.rounded(divide ? Double(s) / k : Double(s) * k)
        }
    }

    /// Integer `+ - * / %` of ints, longs, datetimes and timespans; nil (null) for a zero divisor and
    /// for a result that does not fit `T` (`Int64.min / -1` included).
    @inline(__always)
    static func integer<T: FixedWidthInteger>(_ op: BinaryOperator, _ a: T, _ b: T) -> T? {
        switch op {
        case .add: let (r, o) = a.addingReportingOverflow(b); return o ? nil : r
        case .subtract: let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : r
        case .multiply: let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : r
        case .divide:
            guard b != 0 else { return nil }
            let (r, o) = a.dividedReportingOverflow(by: b)
            return o ? nil : r
        case .modulo:
            // KQL's modulo is never negative: 0 <= N % D < abs(D) (-14 % 12 is 10).
            guard b != 0 else { return nil }
            if b == -1 { return 0 }
            let r = a % b
            // r is in (-|b|, |b|): moving a negative r up by |b| stays in range.
            return r < 0 ? (b < 0 ? r - b : r + b) : r
        default: return nil
        }
    }

    @inline(__always)
    static func real(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .modulo:
            let r = a.truncatingRemainder(dividingBy: b)
            return r < 0 ? r + Swift.abs(b) : r
        default: return nil
        }
    }

    /// Decimal arithmetic; Foundation's overflow result (NaN) becomes null.
    static func decimal(_ op: BinaryOperator, _ a: Decimal, _ b: Decimal) -> Decimal? {
        let r = decimalOrNaN(op, a, b)
        return r?.isNaN == true ? nil : r
    }

    private static func decimalOrNaN(_ op: BinaryOperator, _ a: Decimal, _ b: Decimal) -> Decimal? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? nil : a / b
        case .modulo:
            guard b != 0 else { return nil }
            var q = a / b, t = Decimal()
            NSDecimalRound(&t, &q, 0, .down)
            return a - t * b
        default: return nil
        }
    }
}
