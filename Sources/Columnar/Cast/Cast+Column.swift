import Foundation

extension Cast {
    /// A whole column converted under `mode`; throws the first value a refusing mode refuses.
    ///
    /// A column already of `type` is returned as it is (its buffers stay shared). Between the
    /// fixed-width number, bool, datetime and timespan types a typed loop runs over the buffers with
    /// ``CastKernel``'s rules; other pairs convert value by value with ``value(_:to:mode:)``.
    public static func column(_ c: Column, to type: ScalarType, mode: CastMode) throws(CastFailure) -> Column {
        // A string column's null rows become "" (KQL strings are never null), so only one without
        // nulls is returned as it is.
        if c.type == type && !(type == .string && c.validity != nil) { return c }
        if c.count == 0 { return Column.empty(type) }
        let refuse = mode != .explicit
        if let fast = try fixedWidth(c, to: type, refuse: refuse) { return fast }
        var b = ColumnBuilder(type: type, capacity: c.count)
        for i in 0..<c.count {
            let v = c.value(i)
            if let r = value(v, to: type, mode: mode) {
                b.append(r)
            } else {
                throw CastFailure(row: i, value: v, target: type)
            }
        }
        return b.finish()
    }

    /// A whole column converted as the `to*` functions convert (null where a value does not convert).
    public static func explicit(_ c: Column, to type: ScalarType) -> Column {
        do { return try column(c, to: type, mode: .explicit) } catch {
            // The explicit mode refuses nothing; this keeps the function total without a trap.
            return Column(repeating: null(type), type: type, count: c.count)
        }
    }

    /// The typed loops, or nil when the pair has none.
    private static func fixedWidth(_ c: Column, to type: ScalarType, refuse: Bool) throws(CastFailure) -> Column? {
        switch (c.type, type) {
        case (.int, .long): return try map(c, Int32.self, to: type, 0, refuse) { Int64($0) }
        case (.int, .real): return try map(c, Int32.self, to: type, .nan, refuse) { Double($0) }
        case (.int, .bool): return try map(c, Int32.self, to: type, 0, refuse) { UInt8($0 != 0 ? 1 : 0) }
        case (.int, .timespan):
            return try map(c, Int32.self, to: type, 0, refuse) { CastKernel.timespan(fromTicks: Int64($0)) }
        case (.long, .int): return try map(c, Int64.self, to: type, 0, refuse) { CastKernel.int(fromLong: $0) }
        case (.long, .real): return try map(c, Int64.self, to: type, .nan, refuse) { Double($0) }
        case (.long, .bool): return try map(c, Int64.self, to: type, 0, refuse) { UInt8($0 != 0 ? 1 : 0) }
        case (.long, .timespan):
            return try map(c, Int64.self, to: type, 0, refuse) { CastKernel.timespan(fromTicks: $0) }
        case (.real, .int): return try map(c, Double.self, to: type, 0, refuse) { CastKernel.int(fromReal: $0) }
        case (.real, .long): return try map(c, Double.self, to: type, 0, refuse) { CastKernel.long(fromReal: $0) }
        case (.real, .bool):
            return try map(c, Double.self, to: type, 0, refuse) {
                CastKernel.bool(fromReal: $0).map { $0 ? 1 : 0 } as UInt8?
            }
        case (.real, .timespan):
            return try map(c, Double.self, to: type, 0, refuse) { CastKernel.timespan(fromRealTicks: $0) }
        case (.bool, .int): return try map(c, UInt8.self, to: type, 0, refuse) { Int32($0 != 0 ? 1 : 0) }
        case (.bool, .long): return try map(c, UInt8.self, to: type, 0, refuse) { Int64($0 != 0 ? 1 : 0) }
        case (.bool, .real): return try map(c, UInt8.self, to: type, .nan, refuse) { $0 != 0 ? 1.0 : 0.0 }
        case (.datetime, .long):
            return try map(c, Int64.self, to: type, 0, refuse) { CastKernel.ticks(fromDatetime: $0) }
        case (.datetime, .real):
            return try map(c, Int64.self, to: type, .nan, refuse) { Double(CastKernel.ticks(fromDatetime: $0)) }
        case (.timespan, .long):
            return try map(c, Int64.self, to: type, 0, refuse) { CastKernel.ticks(fromTimespan: $0) }
        case (.timespan, .real):
            return try map(c, Int64.self, to: type, .nan, refuse) { Double(CastKernel.ticks(fromTimespan: $0)) }
        case (.timespan, .int):
            return try map(c, Int64.self, to: type, 0, refuse) {
                CastKernel.int(fromLong: CastKernel.ticks(fromTimespan: $0))
            }
        default: return nil
        }
    }

    /// `f` over each valid row of a fixed-width column. The source's validity bitmap is shared when
    /// `f` makes no new null; a null row holds `nullFill` (NaN for reals, as the layout asks).
    private static func map<A, R>(
        _ c: Column, _: A.Type, to type: ScalarType, _ nullFill: R, _ refuse: Bool, _ f: (A) -> R?
    ) throws(CastFailure) -> Column {
        let n = c.count
        let source = c.fixed(A.self)
        let values = DataBuffer(byteCount: n * MemoryLayout<R>.stride)
        let out = values.typed(R.self, count: n)
        let sourceValidity = c.validity
        var validity: DataBuffer?  // allocated at the first new null
        for i in 0..<n {
            if let sv = sourceValidity, !Validity.isValid(sv.pointer, i) {
                out[i] = nullFill
                continue
            }
            if let r = f(source[i]) { out[i] = r; continue }
            if refuse { throw CastFailure(row: i, value: c.value(i), target: type) }
            out[i] = nullFill
            if validity == nil {
                let bitmap = DataBuffer(byteCount: Validity.byteCount(for: n))
                if let sv = sourceValidity {
                    bitmap.pointer.copyMemory(from: sv.pointer, byteCount: bitmap.byteCount)
                } else {
                    bitmap.pointer.initializeMemory(as: UInt8.self, repeating: 0xFF, count: bitmap.byteCount)
                }
                validity = bitmap
            }
            Validity.set(validity!.pointer, i, false)
        }
        return Column(type: type, count: n, validity: validity ?? sourceValidity, values: values)
    }
}
