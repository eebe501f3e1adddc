import Columnar
import KQLSyntax

/// A scalar expression with every name resolved and every type known, ready to evaluate over a table.
public indirect enum BoundExpression: Sendable {
    /// Column `index` of the input table.
    case column(index: Int, name: String, type: ScalarType)
    /// A literal or a constant-folded value.
    case constant(Value, ScalarType)
    /// A call of a scalar function (operators such as `+` and `==` included).
    case call(function: any ScalarFunction, arguments: [BoundExpression], type: ScalarType, span: SourceSpan)

    /// The expression's result type.
    public var type: ScalarType {
        switch self {
        case .column(_, _, let t), .constant(_, let t), .call(_, _, let t, _): return t
        }
    }

    /// The value, when the expression is a constant.
    public var constantValue: Value? {
        if case .constant(let v, _) = self { return v }
        return nil
    }

    /// The column name, when the expression is a plain column reference.
    public var columnName: String? {
        if case .column(_, let n, _) = self { return n }
        return nil
    }

    /// What a function sees of this expression before anything runs.
    var argumentInfo: ArgumentInfo {
        ArgumentInfo(type: type, constant: constantValue, columnName: columnName)
    }

    /// True when the expression reads no column.
    var isRowIndependent: Bool {
        switch self {
        case .column: return false
        case .constant: return true
        case .call(_, let args, _, _): return args.allSatisfy(\.isRowIndependent)
        }
    }

    /// The same expression with column indices remapped (`map[old] = new`).
    func remapped(_ map: [Int]) -> BoundExpression {
        switch self {
        case .column(let i, let n, let t): return .column(index: map[i], name: n, type: t)
        case .constant: return self
        case .call(let f, let args, let t, let s): return .call(function: f, arguments: args.map { $0.remapped(map) }, type: t, span: s)
        }
    }
}

/// An aggregate call in `summarize`, with its output columns decided.
public struct BoundAggregate: Sendable {
    public var function: any AggregateFunction
    public var arguments: [BoundExpression]
    /// Input column indices passed for a `*` argument (`arg_max(x, *)`, `take_any(*)`).
    public var star: [Int]
    /// Output column fields, after the user's names were applied.
    public var outputs: [Field]
    public var span: SourceSpan
}
