/// Decoding of the metadata structs from Thrift's compact protocol (field ids from `parquet.thrift`).
extension ThriftCompactReader {
    private mutating func enumValue<E: RawRepresentable>(_: E.Type, _ what: String) throws(FileFormatError) -> E
    where E.RawValue == Int32 {
        let raw = try i32()
        guard let v = E(rawValue: raw) else { throw error("an unknown \(what) \(raw)") }
        return v
    }

    mutating func fileMetaData() throws(FileFormatError) -> ParquetFileMetaData {
        var m = ParquetFileMetaData()
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (2, FieldType.list): m.schema = try t.list { (t, _) throws(FileFormatError) in try t.schemaElement() }
            case (3, FieldType.i64): m.numRows = try t.i64()
            case (4, FieldType.list): m.rowGroups = try t.list { (t, _) throws(FileFormatError) in try t.rowGroup() }
            case (5, FieldType.list):
                m.keyValues = try t.list { (t, _) throws(FileFormatError) in
                    var key = "", value = ""
                    try t.readStruct { (t, id, type) throws(FileFormatError) in
                        switch (id, type) {
                        case (1, FieldType.binary): key = try t.string()
                        case (2, FieldType.binary): value = try t.string()
                        default: try t.skip(type)
                        }
                    }
                    return (key, value)
                }
            default: try t.skip(type)
            }
        }
        return m
    }

    mutating func schemaElement() throws(FileFormatError) -> ParquetSchemaElement {
        var e = ParquetSchemaElement()
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (1, FieldType.i32): e.type = try t.enumValue(ParquetPhysicalType.self, "physical type")
            case (2, FieldType.i32): e.typeLength = try t.i32()
            case (3, FieldType.i32): e.repetition = try t.enumValue(ParquetRepetition.self, "repetition")
            case (4, FieldType.binary): e.name = try t.string()
            case (5, FieldType.i32): e.numChildren = try t.i32()
            case (6, FieldType.i32):
                // An annotation this reader does not know leaves the column as its physical type.
                e.convertedType = ParquetConvertedType(rawValue: try t.i32())
            case (7, FieldType.i32): e.scale = try t.i32()
            case (8, FieldType.i32): e.precision = try t.i32()
            case (10, FieldType.structure): e.logicalType = try t.logicalType()
            default: try t.skip(type)
            }
        }
        return e
    }

    private mutating func logicalType() throws(FileFormatError) -> ParquetLogicalType? {
        var result: ParquetLogicalType?
        try readStruct { (t, id, type) throws(FileFormatError) in
            guard type == FieldType.structure else { return try t.skip(type) }
            switch id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5:
                var scale: Int32 = 0, precision: Int32 = 0
                try t.readStruct { (t, id, type) throws(FileFormatError) in
                    switch (id, type) {
                    case (1, FieldType.i32): scale = try t.i32()
                    case (2, FieldType.i32): precision = try t.i32()
                    default: try t.skip(type)
                    }
                }
                result = .decimal(scale: scale, precision: precision)
                return
            case 6: result = .date
            case 7, 8:
                var unit = ParquetTimeUnit.millis
                try t.readStruct { (t, id, type) throws(FileFormatError) in
                    if id == 2, type == FieldType.structure { unit = try t.timeUnit() } else { try t.skip(type) }
                }
                result = id == 7 ? .time(unit) : .timestamp(unit)
                return
            case 10:
                var width: Int8 = 64, signed = true
                try t.readStruct { (t, id, type) throws(FileFormatError) in
                    switch (id, type) {
                    case (1, FieldType.byte): width = Int8(truncatingIfNeeded: try t.reader.byte())
                    case (2, FieldType.boolTrue), (2, FieldType.boolFalse): signed = try t.bool(type)
                    default: try t.skip(type)
                    }
                }
                result = .integer(bitWidth: width, signed: signed)
                return
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            default: break
            }
            try t.skip(type)
        }
        return result
    }

    private mutating func timeUnit() throws(FileFormatError) -> ParquetTimeUnit {
        var unit = ParquetTimeUnit.millis
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch id {
            case 1: unit = .millis
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            try t.skip(type)
        }
        return unit
    }

    private mutating func rowGroup() throws(FileFormatError) -> ParquetRowGroup {
        var g = ParquetRowGroup()
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (1, FieldType.list): g.columns = try t.list { (t, _) throws(FileFormatError) in try t.columnChunk() }
            case (3, FieldType.i64): g.numRows = try t.i64()
            default: try t.skip(type)
            }
        }
        return g
    }

    private mutating func columnChunk() throws(FileFormatError) -> ParquetColumnMetaData {
        var meta: ParquetColumnMetaData?
        var external = false
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (1, FieldType.binary): external = !(try t.binary()).isEmpty
            case (3, FieldType.structure): meta = try t.columnMetaData()
            default: try t.skip(type)
            }
        }
        guard !external else { throw error("a column chunk stored in another file, which this reader does not read") }
        guard let meta else { throw error("a column chunk without its metadata") }
        return meta
    }

    private mutating func columnMetaData() throws(FileFormatError) -> ParquetColumnMetaData {
        var c = ParquetColumnMetaData()
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (1, FieldType.i32): c.type = try t.enumValue(ParquetPhysicalType.self, "physical type")
            case (3, FieldType.list): c.path = try t.list { (t, _) throws(FileFormatError) in try t.string() }
            case (4, FieldType.i32): c.codec = try t.enumValue(ParquetCodec.self, "compression codec")
            case (5, FieldType.i64): c.numValues = try t.i64()
            case (7, FieldType.i64): c.totalCompressedSize = try t.i64()
            case (9, FieldType.i64): c.dataPageOffset = try t.i64()
            case (11, FieldType.i64): c.dictionaryPageOffset = try t.i64()
            default: try t.skip(type)
            }
        }
        return c
    }

    mutating func pageHeader() throws(FileFormatError) -> ParquetPageHeader {
        var h = ParquetPageHeader()
        try readStruct { (t, id, type) throws(FileFormatError) in
            switch (id, type) {
            case (1, FieldType.i32): h.type = ParquetPageType(rawValue: try t.i32())
            case (2, FieldType.i32): h.uncompressedSize = try t.i32()
            case (3, FieldType.i32): h.compressedSize = try t.i32()
            case (5, FieldType.structure), (7, FieldType.structure):
                try t.readStruct { (t, id, type) throws(FileFormatError) in
                    switch (id, type) {
                    case (1, FieldType.i32): h.numValues = try t.i32()
                    case (2, FieldType.i32): h.encoding = try t.enumValue(ParquetEncoding.self, "encoding")
                    default: try t.skip(type)
                    }
                }
            case (8, FieldType.structure):
                try t.readStruct { (t, id, type) throws(FileFormatError) in
                    switch (id, type) {
                    case (1, FieldType.i32): h.numValues = try t.i32()
                    case (4, FieldType.i32): h.encoding = try t.enumValue(ParquetEncoding.self, "encoding")
                    case (5, FieldType.i32): h.definitionLevelsLength = try t.i32()
                    case (6, FieldType.i32): h.repetitionLevelsLength = try t.i32()
                    case (7, FieldType.boolTrue), (7, FieldType.boolFalse): h.isCompressed = try t.bool(type)
                    default: try t.skip(type)
                    }
                }
            default: try t.skip(type)
            }
        }
        return h
    }
}
