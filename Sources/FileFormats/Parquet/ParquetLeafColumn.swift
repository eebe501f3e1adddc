import Columnar
import Foundation

/// One leaf column's decoded data with what it means (``ParquetLeafKind``): its values one at a time
/// (for nested columns) or as a whole KQL column (for top-level ones).
struct ParquetLeafColumn {
    let name: String
    let kind: ParquetLeafKind
    let maxDef: Int
    let maxRep: Int
    let data: ParquetLeafData
    let source: String

    private func outOfRange(_ what: String) -> FileFormatError {
        FileFormatError(
            .outOfRange, "\(source): column '\(name)': \(what) does not fit a KQL value",
            hint: "datetimes and timespans hold 64-bit nanoseconds (1677-2262), longs 64-bit signed integers")
    }

    private func scaled(_ v: Int64, _ nanos: Int64) throws(FileFormatError) -> Int64 {
        let (r, overflow) = v.multipliedReportingOverflow(by: nanos)
        guard !overflow else { throw outOfRange("the value \(v) × \(nanos) ns") }
        return r
    }

    private func integer(_ i: Int) -> Int64 {
        data.values.type == .int32 ? Int64(data.values.int32s[i]) : data.values.int64s[i]
    }

    /// Value `i` of the non-null values, as KQL sees it.
    func value(_ i: Int) throws(FileFormatError) -> Value {
        let v = data.values
        switch kind {
        case .bool: return .bool(v.bools[i] != 0)
        case .int: return .int(v.int32s[i])
        case .long: return .long(v.type == .int32 ? Int64(UInt32(bitPattern: v.int32s[i])) : v.int64s[i])
        case .unsignedLong:
            guard v.int64s[i] >= 0 else { throw outOfRange("the unsigned value \(UInt64(bitPattern: v.int64s[i]))") }
            return .long(v.int64s[i])
        case .real: return .real(v.type == .float ? Double(v.floats[i]) : v.doubles[i])
        case .float16: return .real(v.withBytes(i) { Double(Float16(bitPattern: UInt16($0[0]) | UInt16($0[1]) << 8)) })
        case .datetime(let nanos): return .datetime(try scaled(integer(i), nanos))
        case .timespan(let nanos): return .timespan(try scaled(integer(i), nanos))
        case .datetimeNanos: return .datetime(v.int64s[i])
        case .decimal(let scale): return .decimal(try decimal(i, scale: scale))
        case .string:
            return try v.withBytes(i) { (b) throws(FileFormatError) -> Value in
                guard let s = String(validating: b, as: UTF8.self) else {
                    throw FileFormatError(
                        .data, "\(source): column '\(name)': value \(i) is not valid UTF-8",
                        hint: "write the column as binary, which reads as base64")
                }
                return .string(s)
            }
        case .json:
            let text = v.withBytes(i) { String(decoding: $0, as: UTF8.self) }
            do { return .dynamic(try Dynamic.parseJSON(text)) } catch {
                throw FileFormatError(.data, "\(source): column '\(name)': value \(i) is not JSON: \(error.message)")
            }
        case .base64: return .string(v.withBytes(i) { Data($0).base64EncodedString() })
        case .guid:
            return .guid(
                v.withBytes(i) { b in
                    UUID(
                        uuid: (
                            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                            b[14], b[15]
                        ))
                })
        }
    }

    /// A decimal's unscaled integer: the INT32/INT64 value, or big-endian two's complement bytes.
    private func decimal(_ i: Int, scale: Int) throws(FileFormatError) -> Decimal {
        var unscaled: Int128
        switch data.values.type {
        case .int32, .int64: unscaled = Int128(integer(i))
        default:
            let fits: Int128? = data.values.withBytes(i) { b in
                guard !b.isEmpty else { return 0 }
                let negative = b[0] & 0x80 != 0
                // Bytes beyond sixteen may only repeat the sign.
                for k in 0..<max(0, b.count - 16) where b[k] != (negative ? 0xff : 0) { return nil }
                var x: Int128 = negative ? -1 : 0
                for k in max(0, b.count - 16)..<b.count { x = x << 8 | Int128(b[k]) }
                return x
            }
            guard let fits else { throw outOfRange("a decimal wider than 38 digits") }
            unscaled = fits
        }
        let magnitude = unscaled.magnitude
        var d =
            Decimal(UInt64(truncatingIfNeeded: magnitude >> 64)) * (Decimal(UInt64.max) + 1)
            + Decimal(UInt64(truncatingIfNeeded: magnitude))
        if unscaled < 0 { d = -d }
        return Decimal(sign: d < 0 ? .minus : .plus, exponent: -scale, significand: d.magnitude)
    }

    /// The whole column, for a top-level leaf (one entry per row).
    func column() throws(FileFormatError) -> Column {
        let rows = data.entries
        let top = UInt8(maxDef)
        let defs = data.defLevels
        let hasNulls = maxDef > 0 && defs.contains { $0 != top }
        // The common flat columns without nulls keep their decoded array.
        if !hasNulls {
            switch kind {
            case .long where data.values.type == .int64: return Column(type: .long, int64s: data.values.int64s)
            case .real where data.values.type == .double: return Column(reals: data.values.doubles)
            case .int: return Column(int32s: data.values.int32s)
            case .datetimeNanos: return Column(type: .datetime, int64s: data.values.int64s)
            default: break
            }
        }
        var b = ColumnBuilder(type: kind.scalarType, capacity: rows)
        var vi = 0
        for r in 0..<rows {
            if hasNulls, defs[r] != top {
                b.appendNull()
                continue
            }
            switch kind {
            case .string:
                try data.values.withBytes(vi) { (bytes) throws(FileFormatError) in
                    guard String(validating: bytes, as: UTF8.self) != nil else {
                        throw FileFormatError(
                            .data, "\(source): column '\(name)': row \(r) is not valid UTF-8",
                            hint: "write the column as binary, which reads as base64")
                    }
                    b.append(utf8: bytes)
                }
            case .real where data.values.type == .double: b.append(real: data.values.doubles[vi])
            case .long where data.values.type == .int64: b.append(long: data.values.int64s[vi])
            case .datetime(let nanos): b.append(long: try scaled(integer(vi), nanos))
            default: b.append(try value(vi))
            }
            vi += 1
        }
        return b.finish()
    }
}
