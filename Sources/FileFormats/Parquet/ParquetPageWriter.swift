import Columnar
import Foundation

/// One column's rows as a v1 data page body (definition levels, then PLAIN values), and the schema
/// element that describes the column (see ``ParquetWriter`` for the type mapping).
enum ParquetPageWriter {
    static func element(_ field: Field, unit: ParquetTimeUnit) -> ParquetSchemaElement {
        var e = ParquetSchemaElement()
        e.name = field.name
        e.repetition = .optional
        switch field.type {
        case .bool: e.type = .boolean
        case .int: e.type = .int32
        case .long, .timespan: e.type = .int64
        case .real: e.type = .double
        case .datetime:
            e.type = .int64
            e.logicalType = .timestamp(unit)
            e.convertedType = unit == .millis ? .timestampMillis : unit == .micros ? .timestampMicros : nil
        case .decimal:
            e.type = .fixedLenByteArray
            e.typeLength = 16
            e.logicalType = .decimal(scale: 18, precision: 38)
            e.convertedType = .decimal
            e.scale = 18
            e.precision = 38
        case .guid:
            e.type = .fixedLenByteArray
            e.typeLength = 16
            e.logicalType = .uuid
        case .string:
            e.type = .byteArray
            e.logicalType = .string
            e.convertedType = .utf8
        case .dynamic:
            e.type = .byteArray
            e.logicalType = .json
            e.convertedType = .json
        }
        return e
    }

    static func writeElement(_ e: ParquetSchemaElement, into s: inout ThriftCompactWriter) {
        s.i32(1, e.type!.rawValue)
        if e.typeLength > 0 { s.i32(2, e.typeLength) }
        s.i32(3, e.repetition.rawValue)
        s.string(4, e.name)
        if let c = e.convertedType { s.i32(6, c.rawValue) }
        if e.precision > 0 {
            s.i32(7, e.scale)
            s.i32(8, e.precision)
        }
        guard let logical = e.logicalType else { return }
        s.structure(10) { l in
            switch logical {
            case .string: l.structure(1) { _ in }
            case .json: l.structure(12) { _ in }
            case .uuid: l.structure(14) { _ in }
            case .decimal(let scale, let precision):
                l.structure(5) { d in
                    d.i32(1, scale)
                    d.i32(2, precision)
                }
            case .timestamp(let unit):
                l.structure(8) { t in
                    t.bool(1, true)
                    t.structure(2) { u in u.structure(unit == .millis ? 1 : unit == .micros ? 2 : 3) { _ in } }
                }
            default: break
            }
        }
    }

    struct Page {
        var type: ParquetPhysicalType
        var body: [UInt8]
    }

    static func page(_ column: Column, rows: Range<Int>, unit: ParquetTimeUnit, name: String) throws(FileFormatError)
        -> Page
    {
        var body: [UInt8] = []
        // Definition levels (bit width 1): one bit-packed run, 1 where the value is present.
        let groups = (rows.count + 7) / 8
        var levels: [UInt8] = []
        var header = UInt64(groups) << 1 | 1
        while header >= 0x80 {
            levels.append(UInt8(header & 0x7f) | 0x80)
            header >>= 7
        }
        levels.append(UInt8(header))
        var bits = [UInt8](repeating: 0, count: groups)
        for (k, r) in rows.enumerated() where !column.isNull(r) { bits[k / 8] |= 1 << UInt8(k % 8) }
        levels.append(contentsOf: bits)
        withUnsafeBytes(of: UInt32(levels.count).littleEndian) { body.append(contentsOf: $0) }
        body.append(contentsOf: levels)
        let present = rows.filter { !column.isNull($0) }
        func append<T>(_ v: T) { withUnsafeBytes(of: v) { body.append(contentsOf: $0) } }
        let type = element(Field(name, column.type), unit: unit).type!
        switch column.type {
        case .bool:
            var packed = [UInt8](repeating: 0, count: (present.count + 7) / 8)
            for (k, r) in present.enumerated() where column.bools[r] != 0 { packed[k / 8] |= 1 << UInt8(k % 8) }
            body.append(contentsOf: packed)
        case .int: for r in present { append(column.ints[r].littleEndian) }
        case .long: for r in present { append(column.longs[r].littleEndian) }
        case .timespan: for r in present { append((column.longs[r] / 100).littleEndian) }
        case .real: for r in present { append(column.reals[r].bitPattern.littleEndian) }
        case .datetime:
            let per: Int64 = unit == .millis ? 1_000_000 : unit == .micros ? 1_000 : 1
            // Floor division, so a datetime before 1970 keeps its earlier unit.
            for r in present {
                let v = column.longs[r]
                append((v >= 0 || v % per == 0 ? v / per : v / per - 1).littleEndian)
            }
        case .guid:
            for r in present { withUnsafeBytes(of: column.guid(r).uuid) { body.append(contentsOf: $0) } }
        case .string:
            for r in present {
                let s = column.utf8(r)
                append(UInt32(s.count).littleEndian)
                body.append(contentsOf: s)
            }
        case .dynamic:
            for r in present {
                let text = Array(column.value(r).asDynamic.jsonText.utf8)
                append(UInt32(text.count).littleEndian)
                body.append(contentsOf: text)
            }
        case .decimal:
            for r in present {
                guard case .decimal(let d) = column.value(r), let unscaled = unscaled(d) else {
                    throw FileFormatError(
                        .outOfRange, "column '\(name)': the decimal \(column.value(r)) does not fit DECIMAL(38, 18)",
                        hint: "round it or convert the column to real before exporting")
                }
                withUnsafeBytes(of: unscaled.bigEndian) { body.append(contentsOf: $0) }
            }
        }
        return Page(type: type, body: body)
    }

    /// `d` × 10^18 as an integer, rounded half away from zero, or nil past 38 digits.
    static func unscaled(_ d: Decimal) -> Int128? {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 18, .plain)
        var scaled = Decimal()
        var factor = Decimal(sign: .plus, exponent: 18, significand: 1)
        guard NSDecimalMultiply(&scaled, &rounded, &factor, .plain) == .noError,
            let v = Int128(scaled.description)
        else { return nil }
        let limit: Int128 = 99_999_999_999_999_999_999_999_999_999_999_999_999
        return v.magnitude <= limit.magnitude ? v : nil
    }
}
