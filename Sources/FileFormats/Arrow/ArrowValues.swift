import Columnar
import Foundation

/// The KQL values of ``ArrowArray``s: integers, floats, booleans, strings (checked UTF-8), binary as base64,
/// dates, times and timestamps as 64-bit nanoseconds, decimals, GUIDs (`arrow.uuid`), JSON (`arrow.json`),
/// dictionary indices looked up, and lists, structs and maps as `dynamic` arrays and property bags.
struct ArrowValues {
    let file: String
    /// The values of each dictionary, by id, as read so far.
    var dictionaries: [Int64: [Value]] = [:]

    private func bad(_ a: ArrowArray, _ i: Int, _ what: String) -> FileFormatError {
        FileFormatError(
            .data, "\(file): column '\(a.field.name)': value \(i): \(what)",
            hint: "the file is damaged or was not written by an Arrow writer; write it again")
    }

    private func outOfRange(_ a: ArrowArray, _ what: String) -> FileFormatError {
        FileFormatError(
            .outOfRange, "\(file): column '\(a.field.name)': \(what) does not fit a KQL value",
            hint: "datetimes and timespans hold 64-bit nanoseconds (1677-2262), longs 64-bit signed integers")
    }

    /// A signed integer of `bits` at element `i` of `b`, or unsigned when `signed` is false (as Int64 bits).
    private func integer(_ b: UnsafeRawBufferPointer, _ i: Int, bits: Int, signed: Bool) -> Int64 {
        switch (bits, signed) {
        case (8, true): Int64(b.little(i, as: Int8.self))
        case (8, false): Int64(b.little(i, as: UInt8.self))
        case (16, true): Int64(b.little(2 * i, as: Int16.self))
        case (16, false): Int64(b.little(2 * i, as: UInt16.self))
        case (32, true): Int64(b.little(4 * i, as: Int32.self))
        case (32, false): Int64(b.little(4 * i, as: UInt32.self))
        default: b.little(8 * i, as: Int64.self)
        }
    }

    private func scaled(_ a: ArrowArray, _ v: Int64, _ nanos: Int64) throws(FileFormatError) -> Int64 {
        let (r, overflow) = v.multipliedReportingOverflow(by: nanos)
        guard !overflow else { throw outOfRange(a, "the value \(v) × \(nanos) ns") }
        return r
    }

    /// The bounds of element `i` of a binary or string array, checked against its data.
    private func range(_ a: ArrowArray, _ i: Int) throws(FileFormatError) -> Range<Int> {
        let offsets = a.buffers[0]
        let large = a.field.type == .binary(large: true) || a.field.type == .utf8(large: true)
        let start = large ? offsets.little(8 * i, as: Int64.self) : Int64(offsets.little(4 * i, as: Int32.self))
        let end = large ? offsets.little(8 * i + 8, as: Int64.self) : Int64(offsets.little(4 * i + 4, as: Int32.self))
        guard start >= 0, start <= end, end <= Int64(a.buffers[1].count) else {
            throw bad(a, i, "offsets \(start)..<\(end) outside \(a.buffers[1].count) bytes of data")
        }
        return Int(start)..<Int(end)
    }

    /// The bytes of element `i` of a binary, string, fixed-size binary or view array.
    func bytes(_ a: ArrowArray, _ i: Int) throws(FileFormatError) -> UnsafeRawBufferPointer {
        switch a.field.type {
        case .fixedSizeBinary(let width):
            return UnsafeRawBufferPointer(rebasing: a.buffers[0][i * width..<(i + 1) * width])
        case .binaryView, .utf8View:
            let views = a.buffers[0]
            let length = Int(views.little(16 * i, as: Int32.self))
            guard length >= 0 else { throw bad(a, i, "a view of \(length) bytes") }
            if length <= 12 { return UnsafeRawBufferPointer(rebasing: views[16 * i + 4..<16 * i + 4 + length]) }
            let index = Int(views.little(16 * i + 8, as: Int32.self))
            let offset = Int(views.little(16 * i + 12, as: Int32.self))
            guard index >= 0, index < a.buffers.count - 1, offset >= 0, offset <= a.buffers[index + 1].count - length
            else { throw bad(a, i, "a view of data buffer \(index) at \(offset) outside the batch") }
            return UnsafeRawBufferPointer(rebasing: a.buffers[index + 1][offset..<offset + length])
        default:
            return UnsafeRawBufferPointer(rebasing: a.buffers[1][try range(a, i)])
        }
    }

    private func text(_ a: ArrowArray, _ i: Int) throws(FileFormatError) -> String {
        guard let s = String(validating: try bytes(a, i), as: UTF8.self) else {
            throw FileFormatError(
                .data, "\(file): column '\(a.field.name)': value \(i) is not valid UTF-8",
                hint: "write the column as binary, which reads as base64")
        }
        return s
    }

    /// Element `i` as its column's KQL value (``ArrowField/kqlType``); nested types as `dynamic`.
    func value(_ a: ArrowArray, _ i: Int) throws(FileFormatError) -> Value {
        if a.isNull(i) { return .null }
        if let d = a.field.dictionary {
            let index = integer(a.buffers[0], i, bits: d.indexBits, signed: d.signed)
            guard let values = dictionaries[d.id] else { throw bad(a, i, "dictionary \(d.id) was never sent") }
            guard index >= 0, index < Int64(values.count) else {
                throw bad(a, i, "index \(index) into a dictionary of \(values.count) values")
            }
            return values[Int(index)]
        }
        let b = a.buffers.first ?? UnsafeRawBufferPointer(start: nil, count: 0)
        switch a.field.type {
        case .null: return .null
        case .bool: return .bool((b[i >> 3] >> UInt8(i & 7)) & 1 == 1)
        case .int(let bits, let signed):
            let v = integer(b, i, bits: bits, signed: signed)
            if bits == 64, !signed, v < 0 { throw outOfRange(a, "the unsigned value \(UInt64(bitPattern: v))") }
            return a.field.kqlType == .int ? .int(Int32(v)) : .long(v)
        case .float(16): return .real(Double(Float16(bitPattern: b.little(2 * i, as: UInt16.self))))
        case .float(32): return .real(Double(Float(bitPattern: b.little(4 * i, as: UInt32.self))))
        case .float: return .real(Double(bitPattern: b.little(8 * i, as: UInt64.self)))
        case .decimal(_, let scale, let bits): return .decimal(try decimal(a, b, i, scale: scale, bytes: bits / 8))
        case .date(let days):
            return .datetime(
                days
                    ? try scaled(a, Int64(b.little(4 * i, as: Int32.self)), 86_400_000_000_000)
                    : try scaled(a, b.little(8 * i, as: Int64.self), 1_000_000))
        case .time(let nanos, let bits):
            let v = bits == 32 ? Int64(b.little(4 * i, as: Int32.self)) : b.little(8 * i, as: Int64.self)
            return .timespan(try scaled(a, v, nanos))
        case .timestamp(let nanos, _): return .datetime(try scaled(a, b.little(8 * i, as: Int64.self), nanos))
        case .duration(let nanos): return .timespan(try scaled(a, b.little(8 * i, as: Int64.self), nanos))
        case .utf8, .utf8View:
            let s = try text(a, i)
            guard a.field.extensionName == "arrow.json" else { return .string(s) }
            do { return .dynamic(try Dynamic.parseJSON(s)) } catch { throw bad(a, i, "not JSON: \(error.message)") }
        case .fixedSizeBinary(16) where a.field.extensionName == "arrow.uuid":
            let g = try bytes(a, i)
            return .guid(
                UUID(
                    uuid: (
                        g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13], g[14],
                        g[15]
                    )))
        case .binary, .binaryView, .fixedSizeBinary: return .string(Data(try bytes(a, i)).base64EncodedString())
        case .list, .fixedSizeList, .structure, .map: return .dynamic(try nested(a, i))
        case .other(let name):
            throw FileFormatError(.unsupported, "\(file): column '\(a.field.name)' has Arrow type \(name)")
        }
    }

    /// A list, struct or map element as `dynamic`; the schema's depth (at most ``ArrowField/maxDepth``)
    /// bounds the recursion.
    private func nested(_ a: ArrowArray, _ i: Int) throws(FileFormatError) -> Dynamic {
        switch a.field.type {
        case .structure:
            var pairs: [(String, Dynamic)] = []
            for c in a.children { pairs.append((c.field.name, try value(c, i).asDynamic)) }
            return .bag(PropertyBag(pairs))
        case .fixedSizeList(let size):
            var items: [Dynamic] = []
            for j in i * size..<(i + 1) * size { items.append(try value(a.children[0], j).asDynamic) }
            return .array(items)
        default:
            let large = a.field.type == .list(large: true)
            let o = a.buffers[0]
            let start = large ? o.little(8 * i, as: Int64.self) : Int64(o.little(4 * i, as: Int32.self))
            let end = large ? o.little(8 * i + 8, as: Int64.self) : Int64(o.little(4 * i + 4, as: Int32.self))
            let child = a.children[0]
            guard start >= 0, start <= end, end <= Int64(child.length) else {
                throw bad(a, i, "list offsets \(start)..<\(end) outside \(child.length) values")
            }
            if a.field.type == .map {
                var pairs: [(String, Dynamic)] = []
                for j in Int(start)..<Int(end) {
                    let key = try value(child.children[0], j)
                    pairs.append((key.isNull ? "" : key.text, try value(child.children[1], j).asDynamic))
                }
                return .bag(PropertyBag(pairs))
            }
            var items: [Dynamic] = []
            for j in Int(start)..<Int(end) { items.append(try value(child, j).asDynamic) }
            return .array(items)
        }
    }

    /// A decimal of `bytes` little-endian two's-complement bytes with `scale`; past 128 bits only if the
    /// high bytes repeat the sign.
    private func decimal(_ a: ArrowArray, _ b: UnsafeRawBufferPointer, _ i: Int, scale: Int, bytes: Int)
        throws(FileFormatError) -> Decimal
    {
        let start = i * bytes
        let negative = b[start + bytes - 1] & 0x80 != 0
        for k in min(bytes, 16)..<bytes where b[start + k] != (negative ? 0xff : 0) {
            throw outOfRange(a, "a decimal wider than 38 digits")
        }
        var unscaled: Int128 = negative ? -1 : 0
        for k in stride(from: min(bytes, 16) - 1, through: 0, by: -1) {
            unscaled = unscaled << 8 | Int128(b[start + k])
        }
        let magnitude = unscaled.magnitude
        let d =
            Decimal(UInt64(truncatingIfNeeded: magnitude >> 64)) * (Decimal(UInt64.max) + 1)
            + Decimal(UInt64(truncatingIfNeeded: magnitude))
        return Decimal(sign: unscaled < 0 ? .minus : .plus, exponent: -scale, significand: d)
    }
}
