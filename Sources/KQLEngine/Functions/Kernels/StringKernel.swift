import Columnar

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

extension Kernel {
    /// A fixed-width result per string row.
    static func string<R: FixedValue>(_ a: ColumnarValue, out: ScalarType, rows: Int,
                                      _ f: (String) -> R?) -> ColumnarValue {
        let s = StringArgument(a)
        if s.isConstant {
            guard let r = f(s.constant) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        for i in 0..<rows { w.set(i, f(s.string(i))) }
        return .column(w.finish())
    }

    /// A string result per string row; nil gives the empty string.
    static func stringMap(_ a: ColumnarValue, rows: Int, _ f: (String) -> String?) -> ColumnarValue {
        let s = StringArgument(a)
        if s.isConstant { return .scalar(.string(f(s.constant) ?? ""), .string) }
        var b = ColumnBuilder(type: .string, capacity: rows)
        for i in 0..<rows { b.append(string: f(s.string(i)) ?? "") }
        return .column(b.finish())
    }

    /// A fixed-width result per pair of string rows.
    static func string2<R: FixedValue>(_ a: ColumnarValue, _ b: ColumnarValue, out: ScalarType, rows: Int,
                                       _ f: (String, String) -> R?) -> ColumnarValue {
        let x = StringArgument(a), y = StringArgument(b)
        if x.isConstant && y.isConstant {
            guard let r = f(x.constant, y.constant) else { return .scalar(.null, out) }
            return .scalar(r.box(out), out)
        }
        var w = FixedColumnWriter<R>(type: out, count: rows)
        for i in 0..<rows { w.set(i, f(x.string(i), y.string(i))) }
        return .column(w.finish())
    }
}
