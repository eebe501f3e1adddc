import Columnar

/// `isnull(x)`, `isnotnull(x)` (a string is never null), `isempty(x)`, `isnotempty(x)` (null or
/// the empty string counts as empty).
struct NullTestFunction: ScalarFunction {
    let name: String
    let emptiness: Bool, negated: Bool
    static let isnull = NullTestFunction(name: "isnull", emptiness: false, negated: false)
    static let isnotnull = NullTestFunction(name: "isnotnull", emptiness: false, negated: true)
    static let isempty = NullTestFunction(name: "isempty", emptiness: true, negated: false)
    static let isnotempty = NullTestFunction(name: "isnotempty", emptiness: true, negated: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 1...1); return .bool
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let a = args[0], n = context.rowCount, negated = self.negated, emptiness = self.emptiness
        if a.type == .string {
            if !emptiness { return .scalar(.bool(negated), .bool) }
            return Kernel.string(a, out: .bool, rows: n) { $0.isEmpty != negated }
        }
        if case .scalar(let v, _) = a { return .scalar(.bool(Self.empty(v) != negated), .bool) }
        guard case .column(let c) = a else { return .scalar(.null, .bool) }
        let w = FixedColumnWriter<Bool>(type: .bool, count: n)
        if c.type == .dynamic {
            for i in 0..<n { w.set(i, Self.empty(c.value(i)) != negated) }
        } else {
            for i in 0..<n { w.set(i, c.isNull(i) != negated) }
        }
        return .column(w.finish())
    }

    static func empty(_ v: Value) -> Bool {
        if v.isNull { return true }
        if case .string(let s) = v { return s.isEmpty }
        if case .dynamic(.string(let s)) = v { return s.isEmpty }
        return false
    }
}
