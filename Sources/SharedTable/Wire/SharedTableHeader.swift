import Columnar

/// A parsed and bounds-checked table header.
///
/// Every offset, length, count and type code is checked against the region before any buffer is
/// touched, with arithmetic that cannot overflow: the region may have been written by a worker
/// running untrusted code (a forged header must give an error, never a read out of bounds).
public struct SharedTableHeader: Sendable {
    public var rowCount: Int
    public var totalBytes: Int
    public var columns: [ColumnExtent]

    /// Parses the header of the table at `base`, a mapping of `length` bytes, whose buffers may also
    /// lie in blocks of `blockLengths` bytes (block `k` is `blockLengths[k - 1]`).
    public init(base: UnsafeRawPointer, length: Int, blockLengths: [Int] = []) throws(SharedTableError) {
        guard length >= SharedTableLayout.headerBytes else { throw .corrupt("region of \(length) bytes has no header") }
        guard UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) == SharedTableLayout.magic
        else {
            throw .corrupt("bad magic")
        }
        let version = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        guard version == SharedTableLayout.version else {
            throw .corrupt("version \(version), expected \(SharedTableLayout.version)")
        }
        func int(_ offset: Int) -> Int {
            Int(Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        }
        let rows = int(8), columnCount = int(16), total = int(24)
        guard (0...SharedTableLayout.maxRows).contains(rows), (0...SharedTableLayout.maxColumns).contains(columnCount),
            total <= length, total >= SharedTableLayout.headerBytes
        else {
            throw .corrupt(
                "header counts out of range (rows \(rows), columns \(columnCount), bytes \(total) of \(length))")
        }
        // Both factors are bounded just above: the product cannot overflow.
        guard SharedTableLayout.headerBytes + columnCount * SharedTableLayout.descriptorBytes <= total else {
            throw .corrupt("descriptors exceed the region")
        }
        func range(_ offset: Int, _ count: Int, _ what: String, block: Int = 0) throws(SharedTableError) -> Range<Int> {
            guard block >= 0, block <= blockLengths.count else {
                throw .corrupt("\(what) lies in block \(block) of \(blockLengths.count)")
            }
            let limit = block == 0 ? total : blockLengths[block - 1]
            guard offset >= 0, count >= 0, offset <= limit, count <= limit - offset else {
                throw .corrupt(
                    "\(what) [\(offset), +\(count)) outside \(block == 0 ? "the region" : "block \(block)") of \(limit) bytes"
                )
            }
            return offset..<(offset + count)
        }
        /// `width * count`, or an error when it does not fit an Int.
        func product(_ width: Int, _ count: Int, _ what: String) throws(SharedTableError) -> Int {
            let (p, overflow) = width.multipliedReportingOverflow(by: count)
            guard !overflow else { throw .corrupt("\(what): \(count) values of \(width) bytes overflow") }
            return p
        }
        func block(_ offset: Int) -> Int {
            Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        let region = UnsafeRawBufferPointer(start: base, count: total)
        var extents: [ColumnExtent] = []
        extents.reserveCapacity(columnCount)
        for i in 0..<columnCount {
            let d = SharedTableLayout.headerBytes + i * SharedTableLayout.descriptorBytes
            let code = base.load(fromByteOffset: d, as: UInt8.self)
            guard let type = SharedTableLayout.type(ofCode: code) else {
                throw .corrupt("column \(i) has unknown type code \(code)")
            }
            let nameRange = try range(int(d + 8), int(d + 16), "name of column \(i)")
            let nameBytes = UnsafeRawBufferPointer(rebasing: region[nameRange])
            guard
                nameBytes.isEmpty
                    || UTF8Check.isValid(
                        nameBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: nameBytes.count)
            else {
                throw .corrupt("the name of column \(i) is not UTF-8")
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let nullCount = int(d + 24)
            guard nullCount >= 0, nullCount <= rows else {
                throw .corrupt("column \(name) has \(nullCount) nulls in \(rows) rows")
            }
            let blocks = (validity: block(d + 80), values: block(d + 84), data: block(d + 88))
            let validityLength = int(d + 40)
            let validity =
                validityLength > 0
                ? try range(int(d + 32), validityLength, "validity of \(name)", block: blocks.validity) : nil
            if let validity, validity.count < Validity.byteCount(for: rows) {
                throw .corrupt("validity of \(name) too short")
            }
            if nullCount > 0, validity == nil { throw .corrupt("column \(name) has nulls but no validity bitmap") }
            let isString = SharedTableLayout.usesStringLayout(type)
            let values = try range(int(d + 48), int(d + 56), "values of \(name)", block: blocks.values)
            // rows <= maxRows, so rows + 1 cannot overflow.
            let needed = try product(SharedTableLayout.valueWidth(type), rows + (isString ? 1 : 0), "values of \(name)")
            guard values.count >= needed else { throw .corrupt("values of \(name) too short for \(rows) rows") }
            guard values.lowerBound % 8 == 0 else { throw .corrupt("values of \(name) misaligned") }
            let data = isString ? try range(int(d + 64), int(d + 72), "data of \(name)", block: blocks.data) : nil
            var extent = ColumnExtent(
                name: name, type: type, nullCount: nullCount, validity: validity, values: values, data: data)
            extent.validityBlock = validity == nil ? 0 : blocks.validity
            extent.valuesBlock = blocks.values
            extent.dataBlock = data == nil ? 0 : blocks.data
            extents.append(extent)
        }
        self.rowCount = rows
        self.totalBytes = total
        self.columns = extents
    }
}
