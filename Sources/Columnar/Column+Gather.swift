extension Column {
    /// The rows at `indices`, in that order; an index of -1 yields a null row (outer joins use this).
    public func gather(_ indices: UnsafeBufferPointer<Int>) -> Column {
        let n = indices.count
        let anyMissing = indices.contains(-1)
        let bitmap: DataBuffer?
        if validity != nil || anyMissing || type == .decimal || type == .dynamic {
            let b = DataBuffer(byteCount: Validity.byteCount(for: n), zeroed: true)
            var hasNull = false
            for (o, i) in indices.enumerated() {
                if i >= 0 && !isNull(i) { Validity.set(b.pointer, o, true) } else { hasNull = true }
            }
            bitmap = hasNull ? b : nil
        } else {
            bitmap = nil
        }
        switch type {
        case .decimal:
            guard case .decimals(let d)? = objects else { return self }
            return Column(type: type, count: n, validity: bitmap, values: nil,
                          objects: .decimals(indices.map { $0 >= 0 ? d[$0] : nil }))
        case .dynamic:
            guard case .dynamics(let d)? = objects else { return self }
            return Column(type: type, count: n, validity: bitmap, values: nil,
                          objects: .dynamics(indices.map { $0 >= 0 ? d[$0] : .null }))
        case .string:
            let src = offsets
            var total = 0
            for i in indices where i >= 0 { total += Int(src[i + 1] - src[i]) }
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
            return Column(type: .string, count: n, validity: bitmap, values: outOffsets, data: outData)
        default:
            let width = type.fixedWidth!
            let out = DataBuffer(byteCount: n * width)
            switch width {
            case 1: gatherFixed(UInt8.self, indices, into: out)
            case 4: gatherFixed(UInt32.self, indices, into: out)
            case 8: gatherFixed(UInt64.self, indices, into: out)
            default:
                for (k, i) in indices.enumerated() {
                    if i >= 0 {
                        (out.pointer + k * 16).copyMemory(from: values!.pointer + i * 16, byteCount: 16)
                    } else {
                        (out.pointer + k * 16).initializeMemory(as: UInt8.self, repeating: 0, count: 16)
                    }
                }
            }
            if type == .real, anyMissing {
                let r = out.typed(Double.self, count: n)
                for (k, i) in indices.enumerated() where i < 0 { r[k] = .nan }
            }
            return Column(type: type, count: n, validity: bitmap, values: out)
        }
    }

    private func gatherFixed<T: FixedWidthInteger>(_ t: T.Type, _ indices: UnsafeBufferPointer<Int>, into out: DataBuffer) {
        let src = fixed(T.self)
        let dst = out.typed(T.self, count: indices.count)
        for (k, i) in indices.enumerated() { dst[k] = i >= 0 ? src[i] : 0 }
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

    /// Rows `range` of this column.
    public func slice(_ range: Range<Int>) -> Column { gather(Array(range)) }

    /// The columns one after the other; all must have the same type.
    public static func concat(_ columns: [Column], type: ScalarType) -> Column {
        if columns.count == 1 { return columns[0] }
        let total = columns.reduce(0) { $0 + $1.count }
        var b = ColumnBuilder(type: type, capacity: total)
        for c in columns {
            for i in 0..<c.count { b.append(from: c, row: i) }
        }
        return b.finish()
    }
}
