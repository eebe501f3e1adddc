import Columnar

/// A fixed-width argument read without boxing: either a column's buffer or one constant.
///
/// Holding the column keeps its buffers alive for as long as the raw pointers are used.
struct FixedArgument<T: FixedValue> {
    let column: Column?
    let base: UnsafeRawPointer?
    let validity: UnsafeRawPointer?
    let constant: T?
    /// True when every row is null (a null constant).
    let allNull: Bool

    /// A view of `value`, whose storage must be `T` (callers cast first).
    init(_ value: ColumnarValue) {
        switch value {
        case .column(let c):
            column = c
            base = c.values.map { UnsafeRawPointer($0.pointer) }
            validity = c.validity.map { UnsafeRawPointer($0.pointer) }
            constant = nil
            allNull = false
        case .scalar(let v, _):
            column = nil; base = nil; validity = nil
            constant = v.isNull ? nil : T.unbox(v)
            allNull = constant == nil
        }
    }

    var isConstant: Bool { column == nil }

    @inline(__always) func isNull(_ i: Int) -> Bool {
        if let validity { return !Validity.isValid(validity, i) }
        return allNull
    }

    @inline(__always) subscript(_ i: Int) -> T {
        if let base { return T.load(base, i) }
        return constant ?? T.nullFill
    }
}

/// Writes a fixed-width result column in place; nulls are recorded in a bitmap that is dropped
/// when no row turned out null.
struct FixedColumnWriter<T: FixedValue> {
    let type: ScalarType
    let count: Int
    let values: DataBuffer
    let validity: DataBuffer
    private(set) var hasNull = false

    init(type: ScalarType, count: Int) {
        self.type = type; self.count = count
        values = DataBuffer(byteCount: count * T.width)
        let bytes = Validity.byteCount(for: count)
        validity = DataBuffer(byteCount: bytes)
        validity.pointer.initializeMemory(as: UInt8.self, repeating: 0xFF, count: max(bytes, 1))
    }

    @inline(__always) func set(_ i: Int, _ v: T) { T.store(values.pointer, i, v) }

    @inline(__always) mutating func setNull(_ i: Int) {
        T.store(values.pointer, i, T.nullFill)
        Validity.set(validity.pointer, i, false)
        hasNull = true
    }

    @inline(__always) mutating func set(_ i: Int, _ v: T?) {
        if let v { set(i, v) } else { setNull(i) }
    }

    func finish() -> Column {
        Column(type: type, count: count, validity: hasNull ? validity : nil, values: values)
    }
}

/// Reads a string argument row by row; a `dynamic` argument reads as its `tostring` text and a
/// null reads as the empty string (KQL strings have no null).
struct StringArgument {
    let column: Column?
    let constant: String

    init(_ v: ColumnarValue) {
        switch v {
        case .column(let c): column = c; constant = ""
        case .scalar(let v, _): column = nil; constant = v.text
        }
    }

    var isConstant: Bool { column == nil }

    @inline(__always) func string(_ i: Int) -> String {
        guard let column else { return constant }
        if column.type == .string { return column.string(i) }
        return column.value(i).text
    }
}
