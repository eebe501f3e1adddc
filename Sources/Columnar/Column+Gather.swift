extension Column {
    /// The rows at `indices`, in that order; an index of -1 yields a null row (outer joins use this).
    public func gather(_ indices: UnsafeBufferPointer<Int>) -> Column {
        let n = indices.count
        switch type {
        case .decimal:
            guard case .decimals(let d)? = objects else { return self }
            return Column(
                type: type, count: n, validity: gatherValidity(indices, anyMissing: indices.contains(-1)), values: nil,
                objects: .decimals(indices.map { $0 >= 0 ? d[$0] : nil }))
        case .dynamic:
            guard case .dynamics(let d)? = objects else { return self }
            return Column(
                type: type, count: n, validity: gatherValidity(indices, anyMissing: indices.contains(-1)), values: nil,
                objects: .dynamics(indices.map { $0 >= 0 ? d[$0] : .null }))
        case .string:
            let src = offsets
            var total = 0
            var missing = false
            for i in indices {
                if i >= 0 { total += Int(src[i + 1] - src[i]) } else { missing = true }
            }
            let outOffsets = DataBuffer(byteCount: (n + 1) * 8)
            let outData = DataBuffer(byteCount: total)
            let o = outOffsets.typed(Int64.self, count: n + 1)
            var pos = 0
            o[0] = 0
            for (k, i) in indices.enumerated() {
                if i >= 0 {
                    let len = Int(src[i + 1] - src[i])
                    if len > 0 { (outData.pointer + pos).copyMemory(from: data!.pointer + Int(src[i]), byteCount: len) }
                    pos += len
                }
                o[k + 1] = Int64(pos)
            }
            return Column(
                type: .string, count: n, validity: gatherValidity(indices, anyMissing: missing),
                values: outOffsets, data: outData)
        default:
            let width = type.fixedWidth!
            let out = DataBuffer(byteCount: n * width)
            // The copy loops also report whether any index was -1, so indices are read once.
            let missing: Bool
            switch width {
            case 1: missing = gatherFixed(UInt8.self, indices, into: out)
            case 4: missing = gatherFixed(UInt32.self, indices, into: out)
            case 8: missing = gatherFixed(UInt64.self, indices, into: out)
            default:
                var any = false
                for (k, i) in indices.enumerated() {
                    if i >= 0 {
                        (out.pointer + k * 16).copyMemory(from: values!.pointer + i * 16, byteCount: 16)
                    } else {
                        (out.pointer + k * 16).initializeMemory(as: UInt8.self, repeating: 0, count: 16)
                        any = true
                    }
                }
                missing = any
            }
            if type == .real, missing {
                let r = out.typed(Double.self, count: n)
                for (k, i) in indices.enumerated() where i < 0 { r[k] = .nan }
            }
            return Column(type: type, count: n, validity: gatherValidity(indices, anyMissing: missing), values: out)
        }
    }

    /// The validity bitmap of a gather: nil when no gathered row is null.
    private func gatherValidity(_ indices: UnsafeBufferPointer<Int>, anyMissing: Bool) -> DataBuffer? {
        guard validity != nil || anyMissing || type == .decimal || type == .dynamic else { return nil }
        let b = DataBuffer(byteCount: Validity.byteCount(for: indices.count), zeroed: true)
        var hasNull = false
        for (o, i) in indices.enumerated() {
            if i >= 0 && !isNull(i) { Validity.set(b.pointer, o, true) } else { hasNull = true }
        }
        return hasNull ? b : nil
    }

    /// Copies `src[i]` (0 for -1) into `out`; returns whether any index was -1.
    private func gatherFixed<T: FixedWidthInteger>(
        _ t: T.Type, _ indices: UnsafeBufferPointer<Int>, into out: DataBuffer
    ) -> Bool {
        let src = fixed(T.self)
        let dst = out.typed(T.self, count: indices.count)
        guard let s = src.baseAddress, let d = dst.baseAddress, let ix = indices.baseAddress else {
            return indices.contains(-1)
        }
        var lowest = 0
        for k in 0..<indices.count { lowest = min(lowest, ix[k]) }
        if lowest >= 0 {
            for k in 0..<indices.count { d[k] = s[ix[k]] }
            return false
        }
        for k in 0..<indices.count { let i = ix[k]; d[k] = i >= 0 ? s[i] : 0 }
        return true
    }

    /// The rows at `indices`.
    public func gather(_ indices: [Int]) -> Column {
        indices.withUnsafeBufferPointer { gather($0) }
    }

    /// The rows where `mask` is true.
    public func filter(_ mask: [Bool]) -> Column {
        var idx = [Int]()
        idx.reserveCapacity(mask.count)
        for (i, m) in mask.enumerated() where m { idx.append(i) }
        return gather(idx)
    }

    /// The rows where `mask[i]` is non-zero, in order; `selected` must be the number of such rows.
    ///
    /// Fixed-width columns are compacted in one branch-free pass over the mask, with no index array.
    public func compact(mask: UnsafeBufferPointer<UInt8>, selected: Int) -> Column {
        precondition(mask.count == count, "mask has \(mask.count) rows, column \(count)")
        guard let width = type.fixedWidth, type != .decimal, type != .dynamic, let m = mask.baseAddress else {
            var idx = [Int]()
            idx.reserveCapacity(selected)
            for i in 0..<mask.count where mask[i] != 0 { idx.append(i) }
            return gather(idx)
        }
        let out = DataBuffer(byteCount: selected * width)
        if selected > 0 {
            // Rows up to the last selected one; every store then lands below `selected`.
            var last = count - 1
            while m[last] == 0 { last -= 1 }
            switch width {
            case 1: compactFixed(UInt8.self, m, through: last, into: out)
            case 4: compactFixed(UInt32.self, m, through: last, into: out)
            case 8: compactFixed(UInt64.self, m, through: last, into: out)
            default:
                var k = 0
                for i in 0...last where m[i] != 0 {
                    (out.pointer + k * 16).copyMemory(from: values!.pointer + i * 16, byteCount: 16)
                    k += 1
                }
            }
        }
        var bitmap: DataBuffer?
        if let validity {
            let b = DataBuffer(byteCount: Validity.byteCount(for: selected), zeroed: true)
            var k = 0, hasNull = false
            for i in 0..<count where m[i] != 0 {
                if Validity.isValid(validity.pointer, i) { Validity.set(b.pointer, k, true) } else { hasNull = true }
                k += 1
            }
            bitmap = hasNull ? b : nil
        }
        return Column(type: type, count: selected, validity: bitmap, values: out)
    }

    private func compactFixed<T: FixedWidthInteger>(
        _ t: T.Type, _ m: UnsafePointer<UInt8>, through last: Int, into out: DataBuffer
    ) {
        guard let s = fixed(T.self).baseAddress else { return }
        let d = out.pointer.assumingMemoryBound(to: T.self)
        var k = 0
        // Branch-free: every row is written to slot k, which only advances past selected rows, so
        // k <= i <= last: it cannot wrap, and (the caller sizes `out` for the selected rows up to
        // `last`, the last selected one) each write lands inside `out`.
        for i in 0...last {
            d[k] = s[i]
            k &+= m[i] != 0 ? 1 : 0
        }
    }

    /// Rows `range` of this column.
    public func slice(_ range: Range<Int>) -> Column { gather(Array(range)) }

    /// The columns one after the other; all must have the same type.
    ///
    /// Fixed-width and string columns are copied buffer by buffer (string offsets shifted, null slots
    /// kept as their parts hold them), and so are their validity bitmaps when every part but the last
    /// ends on a byte of its bitmap (morsels do); other columns with nulls, `decimal` and `dynamic` go
    /// row by row through a builder, which also normalizes what null slots hold.
    public static func concat(_ columns: [Column], type: ScalarType) -> Column {
        if columns.count == 1 { return columns[0] }
        let total = columns.reduce(0) { $0 + $1.count }
        let bytewise =
            columns.allSatisfy { $0.validity == nil } || columns.dropLast().allSatisfy { $0.count % 8 == 0 }
        guard type != .decimal, type != .dynamic, columns.allSatisfy({ $0.type == type }), bytewise else {
            var b = ColumnBuilder(type: type, capacity: total)
            for c in columns {
                for i in 0..<c.count { b.append(from: c, row: i) }
            }
            return b.finish()
        }
        let bitmap = joinedValidity(columns, total: total)
        if type == .string {
            let bytes = columns.reduce(0) { $0 + Int($1.offsets.last ?? 0) }
            let outOffsets = DataBuffer(byteCount: (total + 1) * 8)
            let outData = DataBuffer(byteCount: bytes)
            let o = outOffsets.typed(Int64.self, count: total + 1)
            o[0] = 0
            var row = 0, pos: Int64 = 0
            for c in columns where c.count > 0 {
                let src = c.offsets
                let len = Int(src[c.count])
                if len > 0 { (outData.pointer + Int(pos)).copyMemory(from: c.data!.pointer, byteCount: len) }
                for i in 1...c.count { o[row + i] = pos + src[i] }
                row += c.count
                pos += Int64(len)
            }
            return Column(type: .string, count: total, validity: bitmap, values: outOffsets, data: outData)
        }
        let width = type.fixedWidth!
        let out = DataBuffer(byteCount: total * width)
        var at = 0
        for c in columns where c.count > 0 {
            out.pointer.advanced(by: at).copyMemory(from: c.values!.pointer, byteCount: c.count * width)
            at += c.count * width
        }
        return Column(type: type, count: total, validity: bitmap, values: out)
    }

    /// The parts' validity bitmaps one after the other (a part without one is all valid); nil when no
    /// part has one. Every part but the last holds a multiple of 8 rows.
    private static func joinedValidity(_ columns: [Column], total: Int) -> DataBuffer? {
        guard columns.contains(where: { $0.validity != nil }) else { return nil }
        let out = DataBuffer(byteCount: Validity.byteCount(for: total))
        var at = 0
        for c in columns where c.count > 0 {
            let bytes = Validity.byteCount(for: c.count)
            if let v = c.validity {
                (out.pointer + at).copyMemory(from: v.pointer, byteCount: bytes)
            } else {
                (out.pointer + at).initializeMemory(as: UInt8.self, repeating: 0xFF, count: bytes)
            }
            at += bytes
        }
        return out
    }
}
