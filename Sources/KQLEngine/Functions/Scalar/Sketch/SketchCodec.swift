import Columnar
import Foundation
import SeriesAnalysis

/// The `dynamic` values of `hll()` and `tdigest()`, and how a KQL value feeds a sketch.
///
/// An `hll()` value is ADX's `[[1024, p], ["hash", ...], [registers]]` (the hashes as signed decimal
/// strings, as the pages show; the registers, never shown filled there, as one base64 string). A
/// `tdigest()` value is `[[type], [values...], [weights...]]` with a fourth part `[min, max]` once it
/// estimates; the type code says what `percentile_tdigest` returns. Code 7 is what the `tdigest` page
/// shows for an int column; the pages show no other, so the other codes are Sandpiper's own.
enum SketchCodec {
    // MARK: HyperLogLog

    /// The sketch of `v`, or `E_SKETCH_FORMAT`.
    static func hll(_ v: Value) throws(FunctionError) -> HyperLogLog? {
        guard case .dynamic(let d) = v, d != .null else { return nil }
        guard case .array(let parts) = d, parts.count == 3, case .array(let header) = parts[0], header.count == 2,
            case .long(let tag) = header[0], case .long(let p) = header[1], case .array(let hashItems) = parts[1],
            case .array(let registerItems) = parts[2]
        else {
            throw format("hll", "it is not [[1024, precision], [hashes], [registers]]")
        }
        var hashes: [Int64] = []
        hashes.reserveCapacity(hashItems.count)
        for h in hashItems {
            switch h {
            case .string(let s):
                guard let x = Int64(s) else { throw format("hll", "a hash is not a 64-bit number") }; hashes.append(x)
            case .long(let x): hashes.append(x)
            default: throw format("hll", "a hash is not a 64-bit number")
            }
        }
        var registers: [UInt8]?
        if let first = registerItems.first {
            guard registerItems.count == 1, case .string(let b64) = first, let data = Data(base64Encoded: b64) else {
                throw format("hll", "its registers are not one base64 string")
            }
            registers = [UInt8](data)
        }
        return try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try HyperLogLog(
                decoding: HyperLogLog.Encoded(
                    format: tag, precision: Int(clamping: p), hashes: hashes,
                    registers: registers))
        }
    }

    /// The dynamic value of a sketch.
    static func dynamic(_ h: HyperLogLog) -> Value {
        let e = h.encoded
        let registers: [Dynamic] = e.registers.map { [.string(Data($0).base64EncodedString())] } ?? []
        return .dynamic(
            .array([
                .array([.long(e.format), .long(Int64(e.precision))]),
                .array(e.hashes.map { .string(String($0)) }), .array(registers),
            ]))
    }

    /// Adds a non-null value: numbers by their value (an int and a long of the same value are one),
    /// strings by their UTF-8 bytes, anything else by its text.
    static func add(_ v: Value, to h: inout HyperLogLog) {
        switch ValueOrder.unwrap(v) {
        case .null: return
        case .int(let x): h.add(long: Int64(x))
        case .long(let x): h.add(long: x)
        case .bool(let b): h.add(long: b ? 1 : 0)
        case .real(let x): if x == x.rounded(), let l = Int64(exactly: x) { h.add(long: l) } else { h.add(real: x) }
        case .datetime(let x), .timespan(let x): h.add(long: x)
        case .string(let s): h.add(string: s)
        case let u: h.add(string: u.text)
        }
    }

    /// The accuracy argument (0–4, default 1), or `E_SERIES_ARGUMENT`.
    static func accuracy(_ v: Value?, argument: Int) throws(FunctionError) -> HyperLogLog.Accuracy {
        guard let v, !v.isNull else { return HyperLogLog.defaultAccuracy }
        guard let level = SeriesArgument.long(v), let a = HyperLogLog.Accuracy(rawValue: Int(clamping: level)) else {
            throw FunctionError(
                .seriesArgument, "the accuracy must be 0, 1, 2, 3 or 4, not \(v.text)", argument: argument)
        }
        return a
    }

    // MARK: t-digest

    /// Type codes of the values a digest holds.
    static func typeCode(_ t: ScalarType) -> Int64 {
        switch t {
        case .int, .long, .bool: return 7
        case .datetime: return 4
        case .timespan: return 9
        default: return 10
        }
    }

    static func type(ofCode c: Int64) -> ScalarType {
        switch c {
        case 7: return .long
        case 4: return .datetime
        case 9: return .timespan
        default: return .real
        }
    }

    /// A digest and the type of its values, or `E_SKETCH_FORMAT`; nil for null.
    static func tdigest(_ v: Value) throws(FunctionError) -> (digest: TDigest, type: ScalarType)? {
        guard case .dynamic(let d) = v, d != .null else { return nil }
        guard case .array(let parts) = d, parts.count == 3 || parts.count == 4, case .array(let header) = parts[0],
            header.count == 1, case .long(let code) = header[0],
            let means = numbers(parts[1]), let weightValues = numbers(parts[2])
        else {
            throw format("tdigest", "it is not [[type], [values], [weights]]")
        }
        var weights: [Int64] = []
        for w in weightValues {
            guard w.isFinite, w == w.rounded(), let x = Int64(exactly: w) else {
                throw format("tdigest", "a weight is not a whole number")
            }
            weights.append(x)
        }
        var bounds: [Double]?
        if parts.count == 4 {
            guard let b = numbers(parts[3]) else { throw format("tdigest", "its bounds are not two numbers") }
            bounds = b
        }
        let digest = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try TDigest(decoding: TDigest.Encoded(means: means, weights: weights, bounds: bounds))
        }
        return (digest, type(ofCode: code))
    }

    /// The dynamic value of a digest of `type` values.
    static func dynamic(_ t: TDigest, type: ScalarType) -> Value {
        let e = t.encoded
        let integral = type != .real
        var parts: [Dynamic] = [
            .array([.long(typeCode(type))]),
            .array(e.means.map { integral && $0 == $0.rounded() && abs($0) < 9e18 ? .long(Int64($0)) : .real($0) }),
            .array(e.weights.map { .long($0) }),
        ]
        if let b = e.bounds { parts.append(.array(b.map { .real($0) })) }
        return .dynamic(.array(parts))
    }

    /// A numeric value of a digest's type as a double (datetimes and timespans by their ticks); nil for null.
    static func double(_ v: Value) -> Double? {
        switch ValueOrder.unwrap(v) {
        case .datetime(let x), .timespan(let x): return Double(x)
        case .bool(let b): return b ? 1 : 0
        case let u: return Numeric.double(u)
        }
    }

    /// A double from a digest as a value of `type`.
    static func value(_ x: Double?, _ type: ScalarType) -> Value {
        guard let x, !x.isNaN else { return .null }
        switch type {
        case .int, .long: return Int64(exactly: x.rounded()).map(Value.long) ?? .real(x)
        case .datetime: return Int64(exactly: x.rounded()).map(Value.datetime) ?? .null
        case .timespan: return Int64(exactly: x.rounded()).map(Value.timespan) ?? .null
        case .decimal: return Numeric.decimal(x).map(Value.decimal) ?? .null
        default: return .real(x)
        }
    }

    private static func numbers(_ d: Dynamic) -> [Double]? {
        guard case .array(let items) = d else { return nil }
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for i in items {
            switch i {
            case .long(let x): out.append(Double(x))
            case .real(let x): out.append(x)
            default: return nil
            }
        }
        return out
    }

    private static func format(_ what: String, _ message: String) -> FunctionError {
        FunctionError(
            .sketchFormat, "the value is not a \(what) sketch: \(message)",
            hint: "pass the unchanged result of \(what)() or \(what)_merge()")
    }
}
