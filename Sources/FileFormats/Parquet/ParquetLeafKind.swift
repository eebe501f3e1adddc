import Columnar

/// What a leaf column's values mean in KQL, from its physical type and its logical (or legacy converted)
/// annotation: integers of up to 32 bits → `int`, 64-bit and unsigned 32-bit → `long`, floating point →
/// `real`, timestamps of every unit, dates and INT96 → `datetime`, times → `timespan`, decimals →
/// `decimal`, UTF-8 strings and enums → `string`, JSON → `dynamic`, UUID → `guid`, other binary → `string`
/// holding base64.
enum ParquetLeafKind: Equatable {
    case bool, int, long, unsignedLong, real, float16
    /// Integer values times `nanos` (days, units of a timestamp or time).
    case datetime(nanos: Int64)
    case timespan(nanos: Int64)
    /// INT96 values, already nanoseconds.
    case datetimeNanos
    case decimal(scale: Int)
    case string, json, base64, guid

    var scalarType: ScalarType {
        switch self {
        case .bool: return .bool
        case .int: return .int
        case .long, .unsignedLong: return .long
        case .real, .float16: return .real
        case .datetime, .datetimeNanos: return .datetime
        case .timespan: return .timespan
        case .decimal: return .decimal
        case .string, .base64: return .string
        case .json: return .dynamic
        case .guid: return .guid
        }
    }

    init(_ e: ParquetSchemaElement, file: String) throws(FileFormatError) {
        guard let type = e.type else {
            throw FileFormatError.malformed(file, at: 0, "column '\(e.name)' without a type")
        }
        let unitNanos: (ParquetTimeUnit) -> Int64 = { u in u == .millis ? 1_000_000 : u == .micros ? 1_000 : 1 }
        switch (type, e.logicalType, e.convertedType) {
        case (.boolean, _, _): self = .bool
        case (_, .decimal(let scale, _)?, _): self = try Self.decimal(type, Int(scale), e, file)
        case (_, nil, .decimal?): self = try Self.decimal(type, Int(e.scale), e, file)
        case (.int32, .date?, _), (.int32, nil, .date?): self = .datetime(nanos: 86_400_000_000_000)
        case (.int32, .time(.millis)?, _), (.int32, nil, .timeMillis?): self = .timespan(nanos: 1_000_000)
        case (.int64, .time(let u)?, _): self = .timespan(nanos: unitNanos(u))
        case (.int64, nil, .timeMicros?): self = .timespan(nanos: 1_000)
        case (.int64, .timestamp(let u)?, _): self = .datetime(nanos: unitNanos(u))
        case (.int64, nil, .timestampMillis?): self = .datetime(nanos: 1_000_000)
        case (.int64, nil, .timestampMicros?): self = .datetime(nanos: 1_000)
        case (.int32, .integer(32, false)?, _), (.int32, nil, .uint32?): self = .long
        case (.int32, _, _): self = .int
        case (.int64, .integer(64, false)?, _), (.int64, nil, .uint64?): self = .unsignedLong
        case (.int64, _, _): self = .long
        case (.int96, _, _): self = .datetimeNanos
        case (.float, _, _), (.double, _, _): self = .real
        case (.byteArray, .string?, _), (.byteArray, .enumeration?, _), (.byteArray, nil, .utf8?),
            (.byteArray, nil, .enumeration?):
            self = .string
        case (.byteArray, .json?, _), (.byteArray, nil, .json?): self = .json
        case (.fixedLenByteArray, .uuid?, _) where e.typeLength == 16: self = .guid
        case (.fixedLenByteArray, .float16?, _) where e.typeLength == 2: self = .float16
        case (.byteArray, _, _), (.fixedLenByteArray, _, _): self = .base64
        }
        if type == .fixedLenByteArray, e.typeLength <= 0 {
            throw FileFormatError.malformed(file, at: 0, "column '\(e.name)' of fixed length \(e.typeLength)")
        }
    }

    private static func decimal(_ type: ParquetPhysicalType, _ scale: Int, _ e: ParquetSchemaElement, _ file: String)
        throws(FileFormatError) -> ParquetLeafKind
    {
        guard type == .int32 || type == .int64 || type == .byteArray || type == .fixedLenByteArray,
            (0...38).contains(scale)
        else {
            throw FileFormatError.unsupported(
                file, "column '\(e.name)' is a decimal of scale \(scale) stored as \(type)")
        }
        return .decimal(scale: scale)
    }
}
