/// Reads one column chunk's pages: the dictionary page, then data pages (v1 and v2) until the chunk's
/// value count is reached, appending each page's levels and non-null values to a ``ParquetLeafData``.
struct ParquetLeafData {
    /// Definition and repetition levels, one per entry; empty when the column's maximum level is 0.
    var defLevels: [UInt8] = []
    var repLevels: [UInt8] = []
    /// The number of entries (rows for a flat column).
    var entries = 0
    var values: ParquetLeafValues
}

struct ParquetColumnChunkReader {
    let file: UnsafeRawBufferPointer
    let source: String
    let limits: ParquetLimits
    /// Level entries read so far in the file, against `limits.maxValues`.
    var valuesRead = 0

    mutating func read(
        _ meta: ParquetColumnMetaData, maxDef: Int, maxRep: Int, dataEnd: Int, into leaf: inout ParquetLeafData
    ) throws(FileFormatError) {
        var start = Int(clamping: meta.dataPageOffset)
        // Some writers record 0 for a dictionary page that is not there; a real one comes before the data.
        if let d = meta.dictionaryPageOffset, d > 0, d < meta.dataPageOffset { start = Int(d) }
        let (end, overflow) = start.addingReportingOverflow(Int(clamping: meta.totalCompressedSize))
        guard start >= 4, !overflow, end <= dataEnd, meta.numValues >= 0 else {
            throw FileFormatError.malformed(
                source, at: start,
                "column \(meta.path.joined(separator: ".")) spans bytes \(start) to \(end), outside the file's data")
        }
        var dictionary: ParquetLeafValues?
        var seen = 0
        var pos = start
        while seen < meta.numValues {
            guard pos < end else {
                throw FileFormatError.malformed(
                    source, at: pos,
                    "column \(meta.path.joined(separator: ".")) ends after \(seen) of \(meta.numValues) values")
            }
            var thrift = ThriftCompactReader(
                ByteReader(UnsafeRawBufferPointer(rebasing: file[pos..<end]), base: pos, file: source))
            let header = try thrift.pageHeader()
            var r = thrift.reader
            guard header.compressedSize >= 0, Int(header.compressedSize) <= r.remaining else {
                throw r.error("a page of \(header.compressedSize) bytes where \(r.remaining) remain in its column")
            }
            guard header.uncompressedSize >= 0, Int(header.uncompressedSize) <= limits.maxPageBytes else {
                throw r.error(
                    "a page of \(header.uncompressedSize) bytes uncompressed, past the limit of \(limits.maxPageBytes)")
            }
            let body = try r.slice(Int(header.compressedSize), "a page")
            let bodyReader = ByteReader(body, base: r.base + r.position - body.count, file: source)
            pos = r.base + r.position
            switch header.type {
            case .dictionaryPage:
                let bytes = try PageDecompression.decompress(
                    body, codec: meta.codec, expected: Int(header.uncompressedSize), reader: bodyReader)
                var values = ParquetLeafValues(type: leaf.values.type, width: leaf.values.width)
                try withBytes(bytes) { (b) throws(FileFormatError) in
                    var pr = ByteReader(b, base: bodyReader.base, file: source)
                    guard header.numValues >= 0, Int(header.numValues) <= max(b.count * 8, 1) else {
                        throw pr.error("a dictionary of \(header.numValues) values in \(b.count) bytes")
                    }
                    try ParquetValueDecoder.plain(&pr, count: Int(header.numValues), into: &values)
                }
                dictionary = values
            case .dataPage, .dataPageV2:
                let count = Int(header.numValues)
                guard count >= 0, count <= limits.maxValues - valuesRead else {
                    throw bodyReader.error(
                        "a page of \(count) values, past the reader's limit of \(limits.maxValues) in a file")
                }
                valuesRead += count
                if header.type == .dataPage {
                    let bytes = try PageDecompression.decompress(
                        body, codec: meta.codec, expected: Int(header.uncompressedSize), reader: bodyReader)
                    try withBytes(bytes) { (b) throws(FileFormatError) in
                        var pr = ByteReader(b, base: bodyReader.base, file: source)
                        if maxRep > 0 {
                            try Self.levels(&pr, v1: true, length: 0, max: maxRep, count: count, into: &leaf.repLevels)
                        }
                        if maxDef > 0 {
                            try Self.levels(&pr, v1: true, length: 0, max: maxDef, count: count, into: &leaf.defLevels)
                        }
                        try values(&pr, header, count: count, maxDef: maxDef, dictionary: dictionary, leaf: &leaf)
                    }
                } else {
                    var pr = bodyReader
                    let repLength = Int(header.repetitionLevelsLength), defLength = Int(header.definitionLevelsLength)
                    if maxRep > 0 {
                        try Self.levels(
                            &pr, v1: false, length: repLength, max: maxRep, count: count, into: &leaf.repLevels)
                    } else {
                        _ = try pr.slice(repLength, "repetition levels")
                    }
                    if maxDef > 0 {
                        try Self.levels(
                            &pr, v1: false, length: defLength, max: maxDef, count: count, into: &leaf.defLevels)
                    } else {
                        _ = try pr.slice(defLength, "definition levels")
                    }
                    let rest = UnsafeRawBufferPointer(rebasing: pr.bytes[pr.position...])
                    let restReader = ByteReader(rest, base: pr.base + pr.position, file: source)
                    let expected = Int(header.uncompressedSize) - repLength - defLength
                    guard expected >= 0 else { throw pr.error("a page smaller than its levels") }
                    let bytes = try PageDecompression.decompress(
                        rest, codec: header.isCompressed ? meta.codec : .uncompressed, expected: expected,
                        reader: restReader)
                    try withBytes(bytes) { (b) throws(FileFormatError) in
                        var vr = ByteReader(b, base: restReader.base, file: source)
                        try values(&vr, header, count: count, maxDef: maxDef, dictionary: dictionary, leaf: &leaf)
                    }
                }
                leaf.entries += count
                seen += count
            case .indexPage, nil: continue
            }
        }
    }

    /// Decodes the page's non-null values: as many as the definition levels at their maximum.
    private func values(
        _ r: inout ByteReader, _ header: ParquetPageHeader, count: Int, maxDef: Int, dictionary: ParquetLeafValues?,
        leaf: inout ParquetLeafData
    ) throws(FileFormatError) {
        var present = count
        if maxDef > 0 {
            let top = UInt8(maxDef)
            present = 0
            for l in leaf.defLevels[(leaf.defLevels.count - count)...] where l == top { present += 1 }
        }
        try ParquetValueDecoder.decode(
            &r, encoding: header.encoding, count: present, dictionary: dictionary, into: &leaf.values)
    }

    /// Levels in the RLE hybrid: in a v1 page after a 4-byte length, in a v2 page in a section of `length` bytes.
    private static func levels(
        _ r: inout ByteReader, v1: Bool, length: Int, max: Int, count: Int, into out: inout [UInt8]
    ) throws(FileFormatError) {
        let n = v1 ? Int(try r.little(UInt32.self)) : length
        let section = try r.slice(n, "levels")
        var decoder = try RLEHybridDecoder(
            ByteReader(section, base: r.base + r.position - n, file: r.file),
            bitWidth: Int.bitWidth - max.leadingZeroBitCount)
        let start = out.count
        try decoder.decode(count, into: &out)
        for i in start..<out.count where Int(out[i]) > max {
            throw r.error("a level of \(out[i]) above the column's maximum \(max)")
        }
    }
}
