/// One array of a record batch with its buffers located in the body (and decompressed): the validity
/// bitmap (nil when every value is present), the type's other buffers, and the child arrays of nested
/// types. Construction checks that each buffer holds what `length` values of the type need, so the
/// value accessors (``ArrowValues``) read within bounds; offsets are checked where they are read.
struct ArrowArray {
    let field: ArrowField
    let length: Int
    let validity: UnsafeRawBufferPointer?
    let buffers: [UnsafeRawBufferPointer]
    let children: [ArrowArray]

    func isNull(_ i: Int) -> Bool {
        guard let validity else { return field.type == .null }
        return (validity[i >> 3] >> UInt8(i & 7)) & 1 == 0
    }
}

/// Owns the buffers decompressed while a file is read; the arrays point into it (or into the file).
final class ArrowMemory {
    private var blocks: [UnsafeMutableRawBufferPointer] = []

    func keep(_ bytes: [UInt8]) -> UnsafeRawBufferPointer {
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { block.copyMemory(from: $0) }
        blocks.append(block)
        return UnsafeRawBufferPointer(rebasing: block[0..<bytes.count])
    }

    deinit { for b in blocks { b.deallocate() } }
}

/// Builds the ``ArrowArray``s of a record batch from its header: nodes and buffers are consumed in the
/// depth-first order of the schema's fields.
struct ArrowBatchDecoder {
    let header: ArrowBatchHeader
    let body: UnsafeRawBufferPointer
    let bodyOffset: Int
    let file: String
    let limits: ArrowLimits
    let memory: ArrowMemory
    private var node = 0
    private var buffer = 0
    private var variadic = 0

    init(
        header: ArrowBatchHeader, body: UnsafeRawBufferPointer, bodyOffset: Int, file: String, limits: ArrowLimits,
        memory: ArrowMemory
    ) {
        self.header = header; self.body = body; self.bodyOffset = bodyOffset; self.file = file
        self.limits = limits; self.memory = memory
    }

    private func error(_ what: String) -> FileFormatError { .malformed(file, at: bodyOffset, what) }

    /// The arrays of `fields`, each at least `header.length` long.
    mutating func arrays(_ fields: [ArrowField]) throws(FileFormatError) -> [ArrowArray] {
        guard header.length >= 0, header.length <= Int64(limits.maxRows) else {
            throw error("a record batch of \(header.length) rows")
        }
        var arrays: [ArrowArray] = []
        for f in fields {
            let a = try array(f)
            guard a.length >= Int(header.length) else {
                throw error("column '\(f.name)' holds \(a.length) values in a batch of \(header.length) rows")
            }
            arrays.append(a)
        }
        return arrays
    }

    private mutating func nextBuffer(_ what: String) throws(FileFormatError) -> UnsafeRawBufferPointer {
        guard buffer < header.buffers.count else { throw error("the batch has too few buffers for \(what)") }
        let (offset, length) = header.buffers[buffer]
        buffer += 1
        guard offset >= 0, length >= 0, offset <= Int64(body.count), length <= Int64(body.count) - offset else {
            throw error("buffer \(buffer - 1) at \(offset) of \(length) bytes in a body of \(body.count)")
        }
        let raw = UnsafeRawBufferPointer(rebasing: body[Int(offset)..<Int(offset + length)])
        guard let codec = header.codec, !raw.isEmpty else { return raw }
        guard raw.count >= 8 else { throw error("a compressed buffer of \(raw.count) bytes") }
        let size = raw.little(0, as: Int64.self)
        let data = UnsafeRawBufferPointer(rebasing: raw[8...])
        if size == -1 { return data }
        guard size >= 0, size <= Int64(limits.maxBufferBytes) else {
            throw error("a buffer of \(size) bytes uncompressed; the limit is \(limits.maxBufferBytes)")
        }
        let at = bodyOffset + Int(offset) + 8
        switch codec {
        case 0: return memory.keep(try LZ4Frame.decompress(data, expected: Int(size), file: file, at: at))
        case 1:
            let reader = ByteReader(data, base: at, file: file)
            return memory.keep(
                try PageDecompression.decompress(data, codec: .zstd, expected: Int(size), reader: reader))
        default:
            throw FileFormatError(
                .unsupported, "\(file): buffers compressed with codec \(codec), which this reader does not know",
                hint: "write the file again with compression='zstd' or 'lz4', or none")
        }
    }

    /// A buffer that must hold `count` elements of `width` bytes (an empty one when `count` is 0).
    private mutating func sizedBuffer(_ count: Int, width: Int, _ what: String) throws(FileFormatError)
        -> UnsafeRawBufferPointer
    {
        let b = try nextBuffer(what)
        let (need, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, b.count >= need else {
            throw error("the \(what) buffer holds \(b.count) bytes where \(count) values need \(need)")
        }
        return b
    }

    private mutating func array(_ f: ArrowField) throws(FileFormatError) -> ArrowArray {
        guard node < header.nodes.count else { throw error("the batch has too few arrays for column '\(f.name)'") }
        let (length64, nulls) = header.nodes[node]
        node += 1
        guard length64 >= 0, length64 <= Int64(limits.maxValues) else {
            throw error("an array of \(length64) values in column '\(f.name)'")
        }
        let length = Int(length64)
        if f.type == .null { return ArrowArray(field: f, length: length, validity: nil, buffers: [], children: []) }
        let bitmap = try nextBuffer("validity")
        var validity: UnsafeRawBufferPointer?
        if nulls != 0, !bitmap.isEmpty {
            guard bitmap.count >= (length + 7) / 8 else {
                throw error("column '\(f.name)': a validity bitmap of \(bitmap.count) bytes for \(length) values")
            }
            validity = bitmap
        } else if nulls != 0 {
            throw error("column '\(f.name)': \(nulls) nulls without a validity bitmap")
        }
        if let d = f.dictionary {
            let indices = try sizedBuffer(length, width: d.indexBits / 8, "dictionary index")
            return ArrowArray(field: f, length: length, validity: validity, buffers: [indices], children: [])
        }
        var buffers: [UnsafeRawBufferPointer] = []
        var children: [ArrowArray] = []
        switch f.type {
        case .null, .other: break
        case .bool: buffers = [try sizedBuffer((length + 7) / 8, width: 1, "boolean")]
        case .int(let bits, _): buffers = [try sizedBuffer(length, width: bits / 8, "integer")]
        case .float(let bits): buffers = [try sizedBuffer(length, width: bits / 8, "floating-point")]
        case .decimal(_, _, let bits): buffers = [try sizedBuffer(length, width: bits / 8, "decimal")]
        case .date(let days): buffers = [try sizedBuffer(length, width: days ? 4 : 8, "date")]
        case .time(_, let bits): buffers = [try sizedBuffer(length, width: bits / 8, "time")]
        case .timestamp, .duration: buffers = [try sizedBuffer(length, width: 8, "timestamp")]
        case .fixedSizeBinary(let width): buffers = [try sizedBuffer(length, width: width, "fixed-size binary")]
        case .binary(let large), .utf8(let large):
            let offsets = try sizedBuffer(length == 0 ? 0 : length + 1, width: large ? 8 : 4, "offsets")
            buffers = [offsets, try nextBuffer("string data")]
        case .binaryView, .utf8View:
            buffers = [try sizedBuffer(length, width: 16, "views")]
            guard variadic < header.variadicCounts.count else {
                throw error("column '\(f.name)': a view array without its count of data buffers")
            }
            let count = header.variadicCounts[variadic]
            variadic += 1
            guard count >= 0, count <= Int64(header.buffers.count - buffer) else {
                throw error("column '\(f.name)': \(count) data buffers where the batch has fewer")
            }
            for _ in 0..<Int(count) { buffers.append(try nextBuffer("view data")) }
        case .list, .map:
            let large = f.type == .list(large: true)
            buffers = [try sizedBuffer(length == 0 ? 0 : length + 1, width: large ? 8 : 4, "list offsets")]
            children = [try array(f.children[0])]
        case .fixedSizeList(let size):
            children = [try array(f.children[0])]
            let (need, overflow) = length.multipliedReportingOverflow(by: size)
            guard !overflow, children[0].length >= need else {
                throw error("column '\(f.name)': \(length) lists of \(size) in \(children[0].length) values")
            }
        case .structure:
            for c in f.children {
                let child = try array(c)
                guard child.length >= length else {
                    throw error("column '\(f.name)': field '\(c.name)' holds \(child.length) values, not \(length)")
                }
                children.append(child)
            }
        }
        return ArrowArray(field: f, length: length, validity: validity, buffers: buffers, children: children)
    }
}
