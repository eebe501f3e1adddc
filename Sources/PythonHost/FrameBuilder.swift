import CPython
import Columnar
import Glibc
import SharedTable

/// Builds the script's `df` from a table in a privately mapped region.
///
/// Numeric, bool, datetime and timespan columns become numpy views of the mapping (no copy; the
/// mapping is copy-on-write, so in-place changes stay in the child). Nullable `long`/`int`/`bool`
/// become pandas `Int64`/`Int32`/`boolean` over the same values plus a mask. Strings and guids become
/// `object` arrays of `str` built here in one pass; dynamics are parsed from their JSON text.
public struct FrameBuilder {
    let python: PythonInterpreter
    public init(python: PythonInterpreter) { self.python = python }

    /// The DataFrame (new reference) for the table described by `header` in `mapping`, whose
    /// referenced buffers lie in `blocks` (block `k` at index `k - 1`, mapped copy-on-write too).
    public func build(_ header: SharedTableHeader, in mapping: PrivateMapping, blocks: [PrivateMapping] = [])
        throws(PythonHostError) -> PyPtr
    {
        let all = [mapping] + blocks
        var views: [PyPtr?] = Array(repeating: nil, count: all.count)
        defer { views.forEach { sp_xdecref($0) } }
        let n = header.rowCount
        let names = PyList_New(0)!, arrays = PyList_New(0)!
        defer { sp_decref(names); sp_decref(arrays) }
        for e in header.columns {
            let array = try column(e, rows: n, all: all, views: &views)
            let name = PythonInterpreter.str(e.name)
            PyList_Append(names, name); PyList_Append(arrays, array)
            sp_decref(name); sp_decref(array)
        }
        let count = PyLong_FromLong(n)!
        defer { sp_decref(count) }
        return try python.call("frame", [names, arrays, count])
    }

    /// A memoryview of block `block` (0: the region), made once per build.
    private func view(_ block: Int, _ all: [PrivateMapping], _ views: inout [PyPtr?]) throws(PythonHostError) -> PyPtr {
        if let v = views[block] { return v }
        let m = all[block]
        guard let mv = PyMemoryView_FromMemory(m.base.assumingMemoryBound(to: CChar.self), m.length, PyBUF_WRITE) else {
            throw .environment("cannot view the input mapping: \(PythonInterpreter.pendingError())")
        }
        views[block] = mv
        return mv
    }

    /// `e` with every range made relative to the region's base, wherever its block is mapped: the
    /// per-row readers then find each buffer at `base + range.lowerBound` whatever its block.
    static func rebased(_ e: ColumnExtent, _ all: [PrivateMapping]) -> ColumnExtent {
        let base = Int(bitPattern: all[0].base)
        func move(_ r: Range<Int>, _ block: Int) -> Range<Int> {
            let shift = Int(bitPattern: all[block].base) - base
            return (r.lowerBound + shift)..<(r.upperBound + shift)
        }
        var out = e
        out.validity = e.validity.map { move($0, e.validityBlock) }
        out.values = move(e.values, e.valuesBlock)
        out.data = e.data.map { move($0, e.dataBlock) }
        out.validityBlock = 0; out.valuesBlock = 0; out.dataBlock = 0
        return out
    }

    private func column(_ e: ColumnExtent, rows n: Int, all: [PrivateMapping], views: inout [PyPtr?])
        throws(PythonHostError) -> PyPtr
    {
        let base = all[0].base
        switch e.type {
        case .string:
            return try strings(Self.rebased(e, all), rows: n, base: base)
        case .guid:
            return try guids(Self.rebased(e, all), rows: n, base: base)
        case .dynamic:
            return try dynamics(Self.rebased(e, all), rows: n, base: base)
        default:
            let mv = try view(e.valuesBlock, all, &views)
            let kind = PythonInterpreter.str(e.type.rawValue)
            let count = PyLong_FromLong(n)!, offset = PyLong_FromLong(e.values.lowerBound)!
            defer { sp_decref(kind); sp_decref(count); sp_decref(offset) }
            let values = try python.call("view", [mv, kind, count, offset])
            guard e.nullCount > 0, let v = e.validity, [.long, .int, .bool].contains(e.type) else { return values }
            defer { sp_decref(values) }
            let bitmapOffset = PyLong_FromLong(v.lowerBound)!
            defer { sp_decref(bitmapOffset) }
            let mask = try python.call("mask", [try view(e.validityBlock, all, &views), count, bitmapOffset])
            defer { sp_decref(mask) }
            return try python.call("masked", [kind, values, mask])
        }
    }

    /// An object array of `n` slots (all None) and its slot pointer.
    private func objectArray(_ n: Int) throws(PythonHostError) -> (PyPtr, UnsafeMutablePointer<PyPtr?>) {
        let count = PyLong_FromLong(n)!
        defer { sp_decref(count) }
        let pair = try NumpyHugePages.around { () throws(PythonHostError) in try python.call("empty_objects", [count]) }
        defer { sp_decref(pair) }
        let array = PyTuple_GetItem(pair, 0)!
        sp_incref(array)
        let address = PyLong_AsVoidPtr(PyTuple_GetItem(pair, 1))
        return (array, address!.assumingMemoryBound(to: PyPtr?.self))
    }

    func strings(_ e: ColumnExtent, rows n: Int, base: UnsafeMutableRawPointer) throws(PythonHostError) -> PyPtr {
        let (array, slots) = try objectArray(n)
        let offsets = UnsafePointer<Int64>((base + e.values.lowerBound).assumingMemoryBound(to: Int64.self))
        let data = UnsafePointer<CChar>((base + (e.data?.lowerBound ?? 0)).assumingMemoryBound(to: CChar.self))
        let validity = e.nullCount > 0 ? e.validity.map { UnsafeRawPointer(base + $0.lowerBound) } : nil
        let (written, ok) = StringDecoder.fill(slots, rows: n, offsets: offsets, data: data, validity: validity)
        // The slots written replaced a None each; the array holds one reference per slot.
        sp_release_nones(written)
        guard ok else {
            sp_decref(array)
            throw .environment("cannot create a str: \(PythonInterpreter.pendingError())")
        }
        return array
    }

    func guids(_ e: ColumnExtent, rows n: Int, base: UnsafeMutableRawPointer) throws(PythonHostError) -> PyPtr {
        let (array, slots) = try objectArray(n)
        let bytes = UnsafePointer<UInt8>((base + e.values.lowerBound).assumingMemoryBound(to: UInt8.self))
        let validity = e.nullCount > 0 ? e.validity.map { UnsafeRawPointer(base + $0.lowerBound) } : nil
        let hex: [CChar] = Array("0123456789abcdef".utf8).map { CChar(bitPattern: $0) }
        var text = [CChar](repeating: 45, count: 36)  // '-' stays at 8, 13, 18, 23
        var replaced = 0
        for i in 0..<n {
            if let validity, !Validity.isValid(validity, i) { continue }
            var k = 0
            for b in 0..<16 {
                if k == 8 || k == 13 || k == 18 || k == 23 { k += 1 }
                let v = bytes[i * 16 + b]
                text[k] = hex[Int(v >> 4)]; text[k + 1] = hex[Int(v & 15)]
                k += 2
            }
            slots[i] = sp_str_from_utf8(text, 36)
            replaced += 1
        }
        sp_release_nones(replaced)
        return array
    }

    func dynamics(_ e: ColumnExtent, rows n: Int, base: UnsafeMutableRawPointer) throws(PythonHostError) -> PyPtr {
        let (array, slots) = try objectArray(n)
        let offsets = UnsafePointer<Int64>((base + e.values.lowerBound).assumingMemoryBound(to: Int64.self))
        let data = UnsafePointer<CChar>((base + (e.data?.lowerBound ?? 0)).assumingMemoryBound(to: CChar.self))
        let validity = e.nullCount > 0 ? e.validity.map { UnsafeRawPointer(base + $0.lowerBound) } : nil
        var replaced = 0
        for i in 0..<n {
            if let validity, !Validity.isValid(validity, i) { continue }
            guard let text = sp_str_from_utf8(data + Int(offsets[i]), Int(offsets[i + 1] - offsets[i])) else {
                continue
            }
            let value = try? PythonInterpreter.call(python.jsonLoads, [text])
            sp_decref(text)
            guard let value else {
                sp_release_nones(replaced); sp_decref(array); throw .result("dynamic value in row \(i) is not JSON")
            }
            slots[i] = value
            replaced += 1
        }
        sp_release_nones(replaced)
        return array
    }
}
