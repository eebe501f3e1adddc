import Columnar
import KQLSyntax

/// `== != < <= > >=` and the case-insensitive string equalities `=~ !~`.
///
/// Numbers compare across types after widening; datetimes, timespans, bools and guids compare with
/// their own kind; dynamic values compare by the value they hold. A comparison with a null
/// operand is null (KQL's current engine), which `where` treats as false. Strings have no null in
/// KQL, so a null string compares as the empty string.
struct ComparisonOperator: ScalarFunction {
    let op: BinaryOperator
    var name: String { op.rawValue }

    private var isEquality: Bool { [.equal, .notEqual, .equalCaseInsensitive, .notEqualCaseInsensitive].contains(op) }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...2)
        let a = args[0].type, b = args[1].type
        if op == .equalCaseInsensitive || op == .notEqualCaseInsensitive {
            guard a == .string || a == .dynamic, b == .string || b == .dynamic else { throw mismatch(a, b) }
            return .bool
        }
        if a == .dynamic || b == .dynamic || a == b || Numeric.common(a, b) != nil { return .bool }
        throw mismatch(a, b)
    }

    private func mismatch(_ a: ScalarType, _ b: ScalarType) -> FunctionError {
        FunctionError(.type, "operator '\(op.rawValue)' cannot compare \(a.rawValue) with \(b.rawValue)")
    }

    /// Maps a three-way comparison result to this operator's answer.
    @inline(__always) private func decide(_ c: Int) -> Bool {
        switch op {
        case .equal, .equalCaseInsensitive: return c == 0
        case .notEqual, .notEqualCaseInsensitive: return c != 0
        case .less: return c < 0
        case .lessOrEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    @inline(__always) private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], b = args[1], n = context.rowCount
        let ta = a.type, tb = b.type
        if ta != .dynamic && tb != .dynamic, let t = Numeric.common(ta, tb), t != .decimal {
            let x = Numeric.cast(a, to: t, rows: n), y = Numeric.cast(b, to: t, rows: n)
            switch t {
            case .int:
                return Kernel.binary(x, y, Int32.self, Int32.self, out: .bool, rows: n) { decide(Self.order($0, $1)) }
            case .long:
                return Kernel.binary(x, y, Int64.self, Int64.self, out: .bool, rows: n) { decide(Self.order($0, $1)) }
            default:
                return Kernel.binary(x, y, Double.self, Double.self, out: .bool, rows: n) { p, q in
                    // NaN is unordered: only != holds.
                    if p.isNaN || q.isNaN { return op == .notEqual }
                    return decide(Self.order(p, q))
                }
            }
        }
        switch (ta, tb) {
        case (.datetime, .datetime), (.timespan, .timespan):
            return Kernel.binary(a, b, Int64.self, Int64.self, out: .bool, rows: n) { decide(Self.order($0, $1)) }
        case (.bool, .bool):
            return Kernel.binary(a, b, Bool.self, Bool.self, out: .bool, rows: n) { p, q in
                decide(p == q ? 0 : (p ? 1 : -1))
            }
        case (.string, .string):
            if op == .equalCaseInsensitive || op == .notEqualCaseInsensitive {
                return Kernel.string2(a, b, out: .bool, rows: n) { decide($0.lowercased() == $1.lowercased() ? 0 : 1) }
            }
            return Kernel.string2(a, b, out: .bool, rows: n) { decide(Self.order($0, $1)) }
        default:
            let caseless = op == .equalCaseInsensitive || op == .notEqualCaseInsensitive
            return try Kernel.boxed([a, b], out: .bool, rows: n) { (r: [Value]) -> Value in
                var x = ValueOrder.unwrap(r[0]), y = ValueOrder.unwrap(r[1])
                if ta == .string, x.isNull { x = .string("") }
                if tb == .string, y.isNull { y = .string("") }
                if caseless, case .string(let p) = x, case .string(let q) = y {
                    x = .string(p.lowercased()); y = .string(q.lowercased())
                }
                if x.isNull || y.isNull { return .null }
                if isEquality, let e = ValueOrder.equal(x, y) { return .bool(decide(e ? 0 : 1)) }
                guard let c = ValueOrder.compare(x, y) else { return .null }
                return .bool(decide(c))
            }
        }
    }
}
