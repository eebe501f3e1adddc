import Columnar
import Foundation

/// KQL's explicit conversions (`tobool`, `tolong`, `todatetime`, ...) on boxed values: a value
/// that cannot be converted gives null, never an error.
enum Conversion {
    static func convert(_ v: Value, to type: ScalarType) -> Value {
        let u = ValueOrder.unwrap(v)
        if u.isNull { return type == .string ? .string("") : .null }
        switch type {
        case .string: return .string(v.text)
        case .dynamic: return .dynamic(v.asDynamic)
        case .bool: return bool(u)
        case .int, .long:
            let r = long(u)
            if type == .int, case .long(let x) = r { return Int32(exactly: x).map(Value.int) ?? .null }
            return r
        case .real: return real(u)
        case .decimal:
            if case .string(let s) = u { return Decimal(string: s.trimmingCharacters(in: .whitespaces)).map(Value.decimal) ?? .null }
            if case .bool(let b) = u { return .decimal(b ? 1 : 0) }
            return Numeric.convert(u, to: .decimal)
        case .datetime:
            switch u {
            case .datetime: return u
            case .string(let s): return DateTimeFormat.parse(s).map(Value.datetime) ?? .null
            default: return .null
            }
        case .timespan:
            switch u {
            case .timespan: return u
            case .string(let s): return TimespanFormat.parse(s).map(Value.timespan) ?? .null
            // A number is a count of 100-ns ticks, as in Kusto; one past the nanosecond range is null.
            case .int, .long: return Numeric.long(u).flatMap { CheckedMath.multiply($0, 100) }.map(Value.timespan) ?? .null
            case .real(let x): return CheckedMath.rounded(x * 100).map(Value.timespan) ?? .null
            default: return .null
            }
        case .guid:
            switch u {
            case .guid: return u
            case .string(let s): return Conversion.guid(s).map(Value.guid) ?? .null
            default: return .null
            }
        }
    }

    static func bool(_ u: Value) -> Value {
        switch u {
        case .bool: return u
        case .int(let x): return .bool(x != 0)
        case .long(let x): return .bool(x != 0)
        case .real(let x): return x.isNaN ? .null : .bool(x != 0)
        case .decimal(let d): return .bool(d != 0)
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return .null
            }
        default: return .null
        }
    }

    static func long(_ u: Value) -> Value {
        switch u {
        case .bool(let b): return .long(b ? 1 : 0)
        case .datetime(let t), .timespan(let t): return .long(t / 100)  // ticks, as Kusto reports them
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let x = Int64(t) { return .long(x) }
            if let d = Double(t) { return Numeric.long(.real(d)).map(Value.long) ?? .null }
            return .null
        default: return Numeric.long(u).map(Value.long) ?? .null
        }
    }

    static func real(_ u: Value) -> Value {
        switch u {
        case .bool(let b): return .real(b ? 1 : 0)
        case .datetime(let t), .timespan(let t): return .real(Double(t / 100))
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            switch t.lowercased() {
            case "nan": return .real(.nan)
            case "inf", "+inf", "infinity", "+infinity": return .real(.infinity)
            case "-inf", "-infinity": return .real(-.infinity)
            default: return Double(t).map(Value.real) ?? .null
            }
        default: return Numeric.double(u).map(Value.real) ?? .null
        }
    }
}

/// A one-argument conversion function whose kernel is `Conversion.convert`.
protocol ConversionFunction: ScalarFunction {
    var target: ScalarType { get }
}

extension ConversionFunction {
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1)
        return target
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], n = context.rowCount, target = self.target
        if a.type == target && target != .string { return a }
        if target.isNumeric, a.type.isNumeric, target != .decimal, a.type != .decimal {
            return Numeric.cast(a, to: target, rows: n)
        }
        return try Kernel.boxed([a], out: target, rows: n) { (r: [Value]) -> Value in Conversion.convert(r[0], to: target) }
    }
}

extension Conversion {
    /// A guid from its text: the dashed form, or 32 hex digits with dashes anywhere or none
    /// (ADX's `toguid("0123456789abcdef0123456789abcdef")` is a guid).
    static func guid(_ text: String) -> UUID? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let g = UUID(uuidString: t) { return g }
        let hex = t.filter { $0 != "-" }
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit) else { return nil }
        let a = Array(hex)
        let dashed = [a[0..<8], a[8..<12], a[12..<16], a[16..<20], a[20..<32]].map { String($0) }.joined(separator: "-")
        return UUID(uuidString: dashed)
    }
}
