/// The decoded non-null values of one leaf column, in the array its physical type uses. INT96 values are
/// kept as nanoseconds since the Unix epoch in `int64s`; booleans as one byte each.
struct ParquetLeafValues {
    let type: ParquetPhysicalType
    /// The width of a FIXED_LEN_BYTE_ARRAY value.
    let width: Int
    var bools: [UInt8] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    /// Byte arrays: `offsets` (count + 1, starting at 0) into `bytes`; fixed-length ones use `bytes` alone.
    var offsets: [Int] = [0]
    var bytes: [UInt8] = []

    init(type: ParquetPhysicalType, width: Int) { self.type = type; self.width = width }

    var count: Int {
        switch type {
        case .boolean: return bools.count
        case .int32: return int32s.count
        case .int64, .int96: return int64s.count
        case .float: return floats.count
        case .double: return doubles.count
        case .byteArray: return offsets.count - 1
        case .fixedLenByteArray: return width == 0 ? 0 : bytes.count / width
        }
    }

    /// The bytes of byte-array value `i`.
    func withBytes<R, E: Error>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let range = type == .fixedLenByteArray ? i * width..<(i + 1) * width : offsets[i]..<offsets[i + 1]
        let result: Result<R, E> = bytes.withUnsafeBytes { all in
            Result { () throws(E) in try body(UnsafeRawBufferPointer(rebasing: all[range])) }
        }
        return try result.get()
    }

    /// Appends the values of `dictionary` at `indices`, each checked to be in range.
    mutating func append(from dictionary: ParquetLeafValues, indices: [UInt32], reader: ByteReader)
        throws(FileFormatError)
    {
        let size = dictionary.count
        for i in indices where Int(i) >= size {
            throw reader.error("a dictionary index \(i) past the dictionary's \(size) values")
        }
        switch type {
        case .boolean: bools.append(contentsOf: indices.lazy.map { dictionary.bools[Int($0)] })
        case .int32: int32s.append(contentsOf: indices.lazy.map { dictionary.int32s[Int($0)] })
        case .int64, .int96: int64s.append(contentsOf: indices.lazy.map { dictionary.int64s[Int($0)] })
        case .float: floats.append(contentsOf: indices.lazy.map { dictionary.floats[Int($0)] })
        case .double: doubles.append(contentsOf: indices.lazy.map { dictionary.doubles[Int($0)] })
        case .byteArray:
            for i in indices {
                let s = dictionary.offsets[Int(i)], e = dictionary.offsets[Int(i) + 1]
                bytes.append(contentsOf: dictionary.bytes[s..<e])
                offsets.append(bytes.count)
            }
        case .fixedLenByteArray:
            for i in indices { bytes.append(contentsOf: dictionary.bytes[Int(i) * width..<(Int(i) + 1) * width]) }
        }
    }
}
