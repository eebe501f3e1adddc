import Columnar
import KQLSyntax
@testable import KQLEngine

/// A tiny function library so binder and operator tests do not depend on the real one.
struct TestFunctions: FunctionResolver {
    func scalarFunction(named name: String) -> (any ScalarFunction)? { nil }
    func aggregateFunction(named name: String) -> (any AggregateFunction)? {
        switch name {
        case "count": return TestCount()
        case "sum": return TestSum()
        default: return nil
        }
    }
    func binaryFunction(_ op: BinaryOperator) -> (any ScalarFunction)? { TestBinary(op: op) }
    func setMembershipFunction(_ op: SetOperator) -> (any ScalarFunction)? { nil }
    var betweenFunction: (any ScalarFunction)? { nil }
    var notBetweenFunction: (any ScalarFunction)? { nil }
    var negateFunction: (any ScalarFunction)? { nil }
    var dynamicMemberFunction: (any ScalarFunction)? { nil }
    var dynamicIndexFunction: (any ScalarFunction)? { nil }
}

/// `+ - * == != < > and or` on longs (and `==` on strings), row by row.
struct TestBinary: ScalarFunction {
    let op: BinaryOperator
    var name: String { op.rawValue }

    func returnType(_ a: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        switch op {
        case .add, .subtract, .multiply:
            guard a[0].type == .long, a[1].type == .long else { throw FunctionError(.type, "needs longs", argument: 0) }
            return .long
        case .and, .or:
            guard a[0].type == .bool, a[1].type == .bool else { throw FunctionError(.type, "needs bools", argument: 0) }
            return .bool
        default:
            guard a[0].type == a[1].type else {
                throw FunctionError(.type, "cannot compare \(a[0].type) with \(a[1].type)", argument: 1)
            }
            return .bool
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = args.contains { if case .column = $0 { return true } else { return false } } ? context.rowCount : 1
        var b = ColumnBuilder(type: op == .add || op == .subtract || op == .multiply ? .long : .bool, capacity: n)
        for i in 0..<n {
            let x = args[0].value(i), y = args[1].value(i)
            if x.isNull || y.isNull { b.appendNull(); continue }
            switch (op, x, y) {
            case (.add, .long(let p), .long(let q)): b.append(long: p + q)
            case (.subtract, .long(let p), .long(let q)): b.append(long: p - q)
            case (.multiply, .long(let p), .long(let q)): b.append(long: p * q)
            case (.and, .bool(let p), .bool(let q)): b.append(bool: p && q)
            case (.or, .bool(let p), .bool(let q)): b.append(bool: p || q)
            case (.equal, _, _): b.append(bool: x == y)
            case (.notEqual, _, _): b.append(bool: x != y)
            case (.less, .long(let p), .long(let q)): b.append(bool: p < q)
            case (.greater, .long(let p), .long(let q)): b.append(bool: p > q)
            default: throw FunctionError(.type, "unsupported in tests")
            }
        }
        let c = b.finish()
        return n == 1 && args.allSatisfy({ if case .scalar = $0 { return true } else { return false } })
            ? .scalar(c.value(0), c.type) : .column(c)
    }
}

/// `count()`.
struct TestCount: AggregateFunction {
    var name: String { "count" }
    func outputColumns(_ a: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] { [Field("count_", .long)] }
    func aggregate(_ a: [ColumnarValue], star: [Column], groups: GroupIndex, context: FunctionContext)
        throws(FunctionError) -> [Column]
    {
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        for g in groups.groupIDs { counts[Int(g)] += 1 }
        return [Column(int64s: counts)]
    }
}

/// `sum(long)`.
struct TestSum: AggregateFunction {
    var name: String { "sum" }
    func outputColumns(_ a: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        [Field("sum_" + (a.first?.columnName ?? ""), .long)]
    }
    func aggregate(_ a: [ColumnarValue], star: [Column], groups: GroupIndex, context: FunctionContext)
        throws(FunctionError) -> [Column]
    {
        var sums = [Int64](repeating: 0, count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() { if case .long(let v) = a[0].value(i) { sums[Int(g)] += v } }
        return [Column(int64s: sums)]
    }
}
