import CPython
import Columnar
import Glibc
import SharedTable
import SystemCalls

/// Writes the script's `result` DataFrame into a shared region as a SharedTable.
///
/// The Python helper `result_columns` turns every column into a contiguous numpy array of a wire
/// type (numbers, bools, datetimes and timedeltas) or an object array of `str` (strings, and
/// dynamics as JSON); this writer copies numeric arrays with one `memcpy` and string objects'
/// cached UTF-8 bytes one by one. A numeric array that is still exactly a view of an input block
/// the script did not write (`PageMap`) is not copied: the result references that block, and the
/// engine takes its own buffer back.
public struct ResultWriter {
    let python: PythonInterpreter
    public init(python: PythonInterpreter) { self.python = python }

    private struct Staged {
        var name: String
        var type: ScalarType
        var values: UnsafeRawPointer?
        var mask: UnsafePointer<Bool>?
        var nullCount: Int
        var strings: [(UnsafePointer<CChar>?, Int)] = []
        var dataBytes = 0
        var reference: BufferReference?
    }

    /// Writes `result` into `region`; returns the bytes used. `inputBlocks` are the input's blocks
    /// (block `k` at index `k - 1`) and `inputBuffers` the input buffers placed in them: an unmodified
    /// column lying inside one of those buffers references it instead of being copied.
    public func write(
        _ result: PyPtr, into region: SharedRegion, inputBlocks: [PrivateMapping] = [],
        inputBuffers: [BufferReference] = []
    ) throws(PythonHostError) -> Int {
        let columns = try python.call("result_columns", [result])
        defer { sp_decref(columns) }
        let rows = PyObject_Length(result)
        guard rows >= 0 else { throw .result("cannot count the rows of 'result': \(PythonInterpreter.pendingError())") }
        var keep: [PyPtr] = []  // UTF-8 re-encodings of strs that had none cached
        defer { keep.forEach { sp_decref($0) } }
        var staged: [Staged] = []
        var nanMasks: [UnsafeMutablePointer<Bool>] = []
        defer { nanMasks.forEach { $0.deallocate() } }
        let pages = inputBuffers.isEmpty ? nil : PageMap()
        for i in 0..<PyList_Size(columns) {
            let t = PyList_GetItem(columns, i)!
            let name = PythonInterpreter.string(PyTuple_GetItem(t, 0)) ?? "Column\(i + 1)"
            let kindName = PythonInterpreter.string(PyTuple_GetItem(t, 1)) ?? ""
            guard let type = ScalarType(rawValue: kindName) else {
                throw .result("column \(name) has unsupported kind \(kindName)")
            }
            let values = PyTuple_GetItem(t, 2)!, mask = PyTuple_GetItem(t, 3)!
            var s = Staged(name: name, type: type, values: try address(values), mask: nil, nullCount: 0)
            if mask != sp_none() {
                let m = try address(mask)!.assumingMemoryBound(to: Bool.self)
                s.mask = m
                for r in 0..<rows where m[r] { s.nullCount += 1 }
            } else if type == .real, let v = s.values, let m = Self.nanRows(v, rows: rows) {
                nanMasks.append(m)
                s.mask = UnsafePointer(m)
                for r in 0..<rows where m[r] { s.nullCount += 1 }
            }
            if type == .string || type == .dynamic {
                let slots = s.values!.assumingMemoryBound(to: PyPtr?.self)
                s.strings.reserveCapacity(rows)
                for r in 0..<rows {
                    guard let o = slots[r], o != sp_none(), sp_is_unicode(o) != 0 else {
                        s.strings.append((nil, 0)); s.nullCount += 1; continue
                    }
                    var n = 0
                    if let p = sp_utf8(o, &n) {
                        s.strings.append((p, n)); s.dataBytes += n
                    } else {
                        PyErr_Clear()
                        guard let bytes = PyUnicode_AsEncodedString(o, "utf-8", "replace") else {
                            throw .result("column \(name) row \(r) is not encodable")
                        }
                        keep.append(bytes)
                        n = PyBytes_Size(bytes)
                        s.strings.append((PyBytes_AsString(bytes).map { UnsafePointer($0) }, n)); s.dataBytes += n
                    }
                }
            }
            if let pages, let values = s.values, s.strings.isEmpty, type != .string, type != .dynamic {
                s.reference = reference(
                    values, count: rows * SharedTableLayout.valueWidth(type), in: inputBlocks,
                    buffers: inputBuffers, pages: pages)
            }
            staged.append(s)
        }
        let plan = SharedTablePlan(
            rowCount: rows,
            sizings: staged.map {
                var sizing = ColumnSizing(
                    name: $0.name, type: $0.type, nullCount: $0.nullCount, dataBytes: $0.dataBytes)
                sizing.valuesReference = $0.reference
                return sizing
            })
        do { try region.ensureCapacity(plan.totalBytes) } catch { throw .sharedTable(error) }
        let base = region.base!
        // The pooled region's pages are resident but not yet in this process's page table: one call
        // maps them all for writing instead of a fault per 4 KiB page as the copy goes along.
        if plan.totalBytes >= 1 << 20 { try? SharedMemory.advise(base, plan.totalBytes, .populateWrite) }
        plan.writeHeader(at: base)
        for (s, e) in zip(staged, plan.columns) { fill(s, e, rows: rows, base: base) }
        return plan.totalBytes
    }

    private func fill(_ s: Staged, _ e: ColumnExtent, rows: Int, base: UnsafeMutableRawPointer) {
        if let v = e.validity {
            let bitmap = base + v.lowerBound
            bitmap.initializeMemory(as: UInt8.self, repeating: 0, count: v.count)
            if !s.strings.isEmpty {
                for r in 0..<rows where s.strings[r].0 != nil { Validity.set(bitmap, r, true) }
            } else if let m = s.mask {
                let out = bitmap.assumingMemoryBound(to: UInt8.self)
                for byte in 0..<(rows / 8) {
                    var b: UInt8 = 0
                    for k in 0..<8 where !m[byte * 8 + k] { b |= 1 << UInt8(k) }
                    out[byte] = b
                }
                for r in (rows / 8 * 8)..<rows where !m[r] { Validity.set(bitmap, r, true) }
            }
        }
        let dst = base + e.values.lowerBound
        if SharedTableLayout.usesStringLayout(e.type) {
            let offsets = dst.assumingMemoryBound(to: Int64.self)
            let data = base + (e.data?.lowerBound ?? 0)
            var cursor = 0
            offsets[0] = 0
            for r in 0..<rows {
                let (p, n) = s.strings[r]
                if let p, n > 0 { memcpy(data + cursor, p, n); cursor += n }
                offsets[r + 1] = Int64(cursor)
            }
            return
        }
        // A referenced column is the engine's own buffer: nothing to copy, and its nulls are in the bitmap.
        guard e.valuesBlock == 0 else { return }
        let width = SharedTableLayout.valueWidth(e.type)
        if rows > 0, let values = s.values { memcpy(dst, values, rows * width) }
        if e.type == .real, let m = s.mask {
            let p = dst.assumingMemoryBound(to: Double.self)
            for r in 0..<rows where m[r] { p[r] = .nan }
        }
    }

    /// The rows of a float64 array that hold NaN (nulls in KQL), or nil when none does. The common
    /// case, no NaN, is one branch-free pass over the values; the mask is made only past the first NaN.
    static func nanRows(_ values: UnsafeRawPointer, rows: Int) -> UnsafeMutablePointer<Bool>? {
        let p = values.assumingMemoryBound(to: Double.self)
        var first = -1, start = 0
        while start < rows {
            let end = min(start + 4096, rows)
            var seen: UInt8 = 0
            for k in start..<end { seen |= p[k] != p[k] ? 1 : 0 }
            if seen != 0 { first = start; break }
            start = end
        }
        guard first >= 0 else { return nil }
        let m = UnsafeMutablePointer<Bool>.allocate(capacity: rows)
        m.initialize(repeating: false, count: rows)
        for k in first..<rows where p[k].isNaN { m[k] = true }
        return m
    }

    /// The block reference of `count` bytes at `values` when they lie inside one input buffer whose
    /// pages there were never written, else nil. Small arrays are copied (cheaper than the check).
    private func reference(
        _ values: UnsafeRawPointer, count: Int, in blocks: [PrivateMapping], buffers: [BufferReference],
        pages: PageMap
    ) -> BufferReference? {
        guard count >= SharedTableWriter.minimumReferenceBytes else { return nil }
        let address = Int(bitPattern: values)
        for (i, b) in blocks.enumerated() {
            let start = Int(bitPattern: b.base)
            guard address >= start, address + count <= start + b.length else { continue }
            let range = (address - start)..<(address - start + count)
            // The wire wants 8-byte aligned values; the engine resolves a reference to one of its buffers.
            guard range.lowerBound % 8 == 0,
                buffers.contains(where: {
                    $0.block == i + 1 && $0.range.lowerBound <= range.lowerBound
                        && range.upperBound <= $0.range.upperBound
                }),
                pages.unmodified(values, count: count)
            else { return nil }
            return BufferReference(block: i + 1, range: range)
        }
        return nil
    }

    /// The data pointer of a numpy array.
    private func address(_ array: PyPtr) throws(PythonHostError) -> UnsafeRawPointer? {
        let a = try python.call("address", [array])
        defer { sp_decref(a) }
        return PyLong_AsVoidPtr(a).map { UnsafeRawPointer($0) }
    }
}
