import Columnar
import KQLSyntax

/// `and` / `or` with three-valued logic: `false and null` is false, `true or null` is true,
/// otherwise a null operand gives null.
struct LogicalOperator: ScalarFunction {
    let op: BinaryOperator
    var name: String { op.rawValue }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...2)
        for (i, a) in args.enumerated() where a.type != .bool && a.type != .dynamic {
            throw FunctionError(.type, "operator '\(name)' expects bool operands, got \(a.type.rawValue)", argument: i)
        }
        return .bool
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let a = BoolView(args[0]), b = BoolView(args[1])
        let isAnd = op == .and
        if a.isConstant && b.isConstant {
            return .scalar(Self.combine(isAnd, a.get(0), b.get(0)).map(Value.bool) ?? .null, .bool)
        }
        var w = FixedColumnWriter<Bool>(type: .bool, count: n)
        for i in 0..<n { w.set(i, Self.combine(isAnd, a.get(i), b.get(i))) }
        return .column(w.finish())
    }

    @inline(__always) static func combine(_ isAnd: Bool, _ p: Bool?, _ q: Bool?) -> Bool? {
        if isAnd {
            if p == false || q == false { return false }
            if let p, let q { return p && q }
            return nil
        }
        if p == true || q == true { return true }
        if let p, let q { return p || q }
        return nil
    }
}

/// A bool argument as optional per row; a `dynamic` argument reads its bool content.
struct BoolView {
    let fixed: FixedArgument<Bool>?
    let boxed: ColumnarValue?

    init(_ v: ColumnarValue) {
        if v.type == .bool { fixed = FixedArgument<Bool>(v); boxed = nil } else { fixed = nil; boxed = v }
    }

    var isConstant: Bool { fixed?.isConstant ?? (boxed?.constantValue != nil) }

    @inline(__always) func get(_ i: Int) -> Bool? {
        if let fixed { return fixed.isNull(i) ? nil : fixed[i] }
        if case .bool(let b) = ValueOrder.unwrap(boxed?.value(i) ?? .null) { return b }
        return nil
    }
}
