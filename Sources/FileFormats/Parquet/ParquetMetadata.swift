/// The parts of Parquet's Thrift metadata (`parquet.thrift`) the reader uses; fields it does not use are
/// skipped when decoding. Enumerations keep their wire numbers, which the specification fixes.
enum ParquetPhysicalType: Int32 {
    case boolean = 0, int32, int64, int96, float, double, byteArray, fixedLenByteArray
}

enum ParquetRepetition: Int32 { case required = 0, optional, repeated }

enum ParquetCodec: Int32 { case uncompressed = 0, snappy, gzip, lzo, brotli, lz4, zstd, lz4Raw }

enum ParquetEncoding: Int32 {
    case plain = 0, plainDictionary = 2, rle, bitPacked, deltaBinaryPacked, deltaLengthByteArray, deltaByteArray,
        rleDictionary, byteStreamSplit
}

/// Parquet's legacy `ConvertedType`, still the only annotation older writers set.
enum ParquetConvertedType: Int32 {
    case utf8 = 0, map, mapKeyValue, list, enumeration, decimal, date, timeMillis, timeMicros, timestampMillis,
        timestampMicros, uint8, uint16, uint32, uint64, int8, int16, int32, int64, json, bson, interval
}

enum ParquetTimeUnit: Sendable { case millis, micros, nanos }

/// Parquet's `LogicalType` union.
enum ParquetLogicalType {
    case string, map, list, enumeration, json, bson, uuid, float16, date, unknown
    case decimal(scale: Int32, precision: Int32)
    case time(ParquetTimeUnit)
    case timestamp(ParquetTimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
}

struct ParquetSchemaElement {
    var type: ParquetPhysicalType?
    var typeLength: Int32 = 0
    var repetition: ParquetRepetition = .required
    var name = ""
    var numChildren: Int32 = 0
    var convertedType: ParquetConvertedType?
    var scale: Int32 = 0
    var precision: Int32 = 0
    var logicalType: ParquetLogicalType?
}

struct ParquetColumnMetaData {
    var type: ParquetPhysicalType = .boolean
    var path: [String] = []
    var codec: ParquetCodec = .uncompressed
    var numValues: Int64 = 0
    var totalCompressedSize: Int64 = 0
    var dataPageOffset: Int64 = 0
    var dictionaryPageOffset: Int64?
}

struct ParquetRowGroup {
    var columns: [ParquetColumnMetaData] = []
    var numRows: Int64 = 0
}

struct ParquetFileMetaData {
    var schema: [ParquetSchemaElement] = []
    var numRows: Int64 = 0
    var rowGroups: [ParquetRowGroup] = []
    var keyValues: [(key: String, value: String)] = []
}

enum ParquetPageType: Int32 { case dataPage = 0, indexPage, dictionaryPage, dataPageV2 }

struct ParquetPageHeader {
    var type: ParquetPageType?
    var uncompressedSize: Int32 = 0
    var compressedSize: Int32 = 0
    var numValues: Int32 = 0
    var encoding: ParquetEncoding = .plain
    /// Data page v2 only: the lengths of the (never compressed) level sections, and whether values are compressed.
    var repetitionLevelsLength: Int32 = 0
    var definitionLevelsLength: Int32 = 0
    var isCompressed = true
}
