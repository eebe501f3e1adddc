import Foundation

/// KQL's conversions between its ten scalar types: the one table every path uses.
///
/// The `to*` functions and the engine's numeric casts (``CastMode/explicit``), the binder's
/// conversion of constants (``CastMode/implicit``), the folder readers (``CastMode/ingest``) and the
/// python result coercion (``CastMode/resultSchema``) all call here, so a rule is written once.
/// The rules, from the ADX reference (`to*-function.md`, `scalar-data-types/*.md`):
/// - null converts to null of the target (`""` for `string`, KQL strings are never null);
/// - numbers convert among themselves truncating toward zero; out of range is null, never wrapped;
///   `bool` is 0/1 as a number and a number is true when non-zero;
/// - a `datetime` as a number is its ticks (100 ns) since 0001-01-01, a `timespan` its ticks, and a
///   number as a `timespan` is ticks;
/// - text is read by ``CastText`` (numbers, bools, guids), `DateTimeFormat` and `TimespanFormat`;
/// - every value has a text form (`tostring`) and a `dynamic` form (text that is JSON is parsed, as
///   `todynamic` does); a `dynamic` holding a scalar converts like that scalar, an array or bag
///   converts only to `string` (its JSON) and `dynamic`.
///
/// Nil means the mode refused the value (never in ``CastMode/explicit``).
public enum Cast {
    /// `v` as a value of `type` under `mode`'s rules, or nil when the mode refuses it.
    public static func value(_ v: Value, to type: ScalarType, mode: CastMode) -> Value? {
        switch mode {
        case .explicit: return explicit(v, to: type)
        case .implicit: return implicit(v, to: type)
        case .ingest: return ingest(v, to: type)
        case .resultSchema:
            if v.isNull { return null(type) }
            let c = explicit(v, to: type)
            return c.isNull ? nil : c
        }
    }

    /// `v` converted as the `to*` functions convert: never refused, null when it cannot be.
    public static func explicit(_ v: Value, to type: ScalarType) -> Value {
        let u = unwrap(v)
        if u.isNull { return null(type) }
        switch type {
        case .string: return .string(v.text)
        case .dynamic: return dynamic(v)
        case .bool: return bool(u).map(Value.bool) ?? .null
        case .int: return long(u).flatMap { Int32(exactly: $0) }.map(Value.int) ?? .null
        case .long: return long(u).map(Value.long) ?? .null
        case .real: return real(u).map(Value.real) ?? .null
        case .decimal: return decimal(u).map(Value.decimal) ?? .null
        case .datetime: return datetime(u).map(Value.datetime) ?? .null
        case .timespan: return timespan(u).map(Value.timespan) ?? .null
        case .guid: return guid(u).map(Value.guid) ?? .null
        }
    }

    /// The null of `type`: `""` for a string, `dynamic(null)` for a dynamic.
    public static func null(_ type: ScalarType) -> Value {
        switch type {
        case .string: return .string("")
        case .dynamic: return .dynamic(.null)
        default: return .null
        }
    }

    /// A `dynamic` holding a scalar as that scalar; arrays, bags and other values as they are.
    public static func unwrap(_ v: Value) -> Value {
        guard case .dynamic(let d) = v else { return v }
        switch d {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .long(let x): return .long(x)
        case .real(let x): return .real(x)
        case .decimal(let x): return .decimal(x)
        case .string(let s): return .string(s)
        case .datetime(let x): return .datetime(x)
        case .timespan(let x): return .timespan(x)
        case .guid(let g): return .guid(g)
        case .array, .bag: return v
        }
    }

    // MARK: - Implicit

    /// The same type, a lossless numeric conversion (`int` → `long` → `real`, any to `decimal`, or a
    /// narrower integer type when the value is whole and fits), or anything to `dynamic`.
    static func implicit(_ v: Value, to type: ScalarType) -> Value? {
        if v.isNull { return null(type) }
        if type == .dynamic { return .dynamic(v.asDynamic) }
        let u = unwrap(v)
        if u.type == type { return u }
        switch (u, type) {
        case (.int(let x), .long): return .long(Int64(x))
        case (.int(let x), .real): return .real(Double(x))
        case (.int(let x), .decimal): return .decimal(Decimal(Int(x)))
        case (.long(let x), .int): return Int32(exactly: x).map(Value.int)
        case (.long(let x), .real): return .real(Double(x))
        case (.long(let x), .decimal): return .decimal(Decimal(x))
        case (.real(let x), .int): return Int32(exactly: x).map(Value.int)
        case (.real(let x), .long): return Int64(exactly: x).map(Value.long)
        case (.real(let x), .decimal): return CastKernel.decimal(fromReal: x).map(Value.decimal)
        default: return nil
        }
    }

    // MARK: - Ingest

    /// A file's cell: text is trimmed and must parse (empty is null), JSON values must widen losslessly.
    /// Integer cells take decimal digits only (`"1.5"` is not an int cell, though `toint("1.5")` is 1).
    static func ingest(_ v: Value, to type: ScalarType) -> Value? {
        switch v {
        case .string(let s):
            if type == .string { return v }
            if type == .dynamic { return dynamic(v) }
            let t = CastText.trimmed(s)
            if t.isEmpty { return .null }
            let c: Value
            switch type {
            // A cell of an integer column is an integer: no fraction to truncate, no hex.
            case .int: c = Int32(t).map(Value.int) ?? .null
            case .long: c = Int64(t).map(Value.long) ?? .null
            default: c = explicit(.string(String(t)), to: type)
            }
            return c.isNull ? nil : c
        case .dynamic(let d):
            if case .string(let s) = d { return ingest(.string(s), to: type) }
            if type == .string { return d == .null ? .string("") : .string(d.jsonText) }
            return implicit(v, to: type)
        default:
            return implicit(v, to: type)
        }
    }

    // MARK: - Per-type rules over an unwrapped, non-null value

    /// `todynamic` (`parse-json-function.md`): text that is JSON becomes its value, other text a
    /// dynamic string, the empty string null; any other value is held as it is.
    static func dynamic(_ v: Value) -> Value {
        guard case .string(let s) = v else { return .dynamic(v.asDynamic) }
        if s.isEmpty { return .dynamic(.null) }
        return .dynamic((try? Dynamic.parseJSON(s)) ?? .string(s))
    }

    static func bool(_ u: Value) -> Bool? {
        switch u {
        case .bool(let b): return b
        case .int(let x): return x != 0
        case .long(let x): return x != 0
        case .real(let x): return CastKernel.bool(fromReal: x)
        case .decimal(let d): return d.isNaN ? nil : d != 0
        case .string(let s): return CastText.bool(s)
        default: return nil
        }
    }

    static func long(_ u: Value) -> Int64? {
        switch u {
        case .bool(let b): return b ? 1 : 0
        case .int(let x): return Int64(x)
        case .long(let x): return x
        case .real(let x): return CastKernel.long(fromReal: x)
        case .decimal(let d): return CastKernel.long(fromDecimal: d)
        case .datetime(let t): return CastKernel.ticks(fromDatetime: t)
        case .timespan(let t): return CastKernel.ticks(fromTimespan: t)
        case .string(let s): return CastText.long(s)
        default: return nil
        }
    }

    static func real(_ u: Value) -> Double? {
        switch u {
        case .bool(let b): return b ? 1 : 0
        case .int(let x): return Double(x)
        case .long(let x): return Double(x)
        case .real(let x): return x
        case .decimal(let d): return CastKernel.real(fromDecimal: d)
        case .datetime(let t): return Double(CastKernel.ticks(fromDatetime: t))
        case .timespan(let t): return Double(CastKernel.ticks(fromTimespan: t))
        case .string(let s): return CastText.real(s)
        default: return nil
        }
    }

    static func decimal(_ u: Value) -> Decimal? {
        switch u {
        case .bool(let b): return b ? 1 : 0
        case .int(let x): return Decimal(Int(x))
        case .long(let x): return Decimal(x)
        case .real(let x): return CastKernel.decimal(fromReal: x)
        case .decimal(let d): return d.isNaN ? nil : d
        case .datetime(let t): return Decimal(CastKernel.ticks(fromDatetime: t))
        case .timespan(let t): return Decimal(CastKernel.ticks(fromTimespan: t))
        case .string(let s): return CastText.decimal(s)
        default: return nil
        }
    }

    static func datetime(_ u: Value) -> Int64? {
        switch u {
        case .datetime(let t): return t
        case .string(let s): return DateTimeFormat.parse(s)
        default: return nil
        }
    }

    static func timespan(_ u: Value) -> Int64? {
        switch u {
        case .timespan(let t): return t
        case .int(let x): return CastKernel.timespan(fromTicks: Int64(x))
        case .long(let x): return CastKernel.timespan(fromTicks: x)
        case .real(let x): return CastKernel.timespan(fromRealTicks: x)
        case .decimal(let d): return CastKernel.timespan(fromRealTicks: CastKernel.real(fromDecimal: d))
        case .string(let s): return TimespanFormat.parse(s)
        default: return nil
        }
    }

    static func guid(_ u: Value) -> UUID? {
        switch u {
        case .guid(let g): return g
        case .string(let s): return CastText.guid(s)
        default: return nil
        }
    }
}
