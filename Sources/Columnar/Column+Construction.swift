import Foundation

extension Column {
    /// A column of boxed values.
    public init(type: ScalarType, values: [Value]) {
        var b = ColumnBuilder(type: type, capacity: values.count)
        for v in values { b.append(v) }
        self = b.finish()
    }

    /// A column repeating one value `count` times.
    public init(repeating value: Value, type: ScalarType, count: Int) {
        var b = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { b.append(value) }
        self = b.finish()
    }

    /// An empty column.
    public static func empty(_ type: ScalarType) -> Column { ColumnBuilder(type: type).finish() }

    /// A `long`-layout column (`long`, `datetime`, `timespan`) from raw values; `valid` nil means no nulls.
    public init(type: ScalarType = .long, int64s: [Int64], valid: [Bool]? = nil) {
        precondition(type.fixedWidth == 8 && type != .real)
        self.init(fixed: int64s, type: type, valid: valid)
    }

    /// A `real` column from raw values; a null row has NaN in the value buffer.
    public init(reals: [Double], valid: [Bool]? = nil) {
        var v = reals
        if let valid { for i in v.indices where !valid[i] { v[i] = .nan } }
        self.init(fixed: v, type: .real, valid: valid)
    }

    /// An `int` column.
    public init(int32s: [Int32], valid: [Bool]? = nil) { self.init(fixed: int32s, type: .int, valid: valid) }

    /// A `bool` column.
    public init(bools: [Bool], valid: [Bool]? = nil) {
        self.init(fixed: bools.map { UInt8($0 ? 1 : 0) }, type: .bool, valid: valid)
    }

    /// A string column; nil entries are null.
    public init(strings: [String?]) {
        var b = ColumnBuilder(type: .string, capacity: strings.count)
        for s in strings { if let s { b.append(string: s) } else { b.appendNull() } }
        self = b.finish()
    }

    private init<T>(fixed: [T], type: ScalarType, valid: [Bool]?) {
        let buffer = fixed.withUnsafeBytes { DataBuffer(copying: $0) }
        self.init(type: type, count: fixed.count, validity: Column.bitmap(valid), values: buffer)
    }

    /// A validity bitmap for `valid`, or nil when every entry is true.
    public static func bitmap(_ valid: [Bool]?) -> DataBuffer? {
        guard let valid, valid.contains(false) else { return nil }
        let b = DataBuffer(byteCount: Validity.byteCount(for: valid.count), zeroed: true)
        for (i, v) in valid.enumerated() where v { Validity.set(b.pointer, i, true) }
        return b
    }
}
