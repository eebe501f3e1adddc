import Columnar
import KQLSyntax

/// A scalar expression with every name resolved and every type known, ready to evaluate over a table.
public indirect enum BoundExpression: Sendable {
    /// Column `index` of the input table.
    case column(index: Int, name: String, type: ScalarType)
    /// A literal or a constant-folded value.
    case constant(Value, ScalarType)
    /// A call of a scalar function (operators such as `+` and `==` included).
    case call(
        function: any ScalarFunction, arguments: [BoundExpression], type: ScalarType, span: SourceSpan,
        extent: ExpressionExtent)

    /// The expression's result type.
    public var type: ScalarType {
        switch self {
        case .column(_, _, let t), .constant(_, let t), .call(_, _, let t, _, _): return t
        }
    }

    /// How tall and how big the expression is with every `let` and user function expanded.
    public var extent: ExpressionExtent {
        if case .call(_, _, _, _, let e) = self { return e }
        return ExpressionExtent(depth: 0, size: 0)
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
        case .call(_, let args, _, _, _): return args.allSatisfy(\.isRowIndependent)
        }
    }

    /// The same expression with column indices remapped (`map[old] = new`).
    func remapped(_ map: [Int]) -> BoundExpression {
        switch self {
        case .column(let i, let n, let t): return .column(index: map[i], name: n, type: t)
        case .constant: return self
        case .call(let f, let args, let t, let s, let x):
            return .call(function: f, arguments: args.map { $0.remapped(map) }, type: t, span: s, extent: x)
        }
    }
}

/// How tall and how big a bound expression is: a `let` or a user function is bound into every place that
/// uses it, so a short text can stand for a large tree. `QueryLimits` caps both, and every walk of a bound
/// expression (evaluation, column pruning, checks) is bounded by them.
public struct ExpressionExtent: Sendable {
    /// Calls on the longest path from the root (a constant or a column is 0).
    public var depth: Int
    /// Function applications in the tree, shared subtrees counted each time they occur (an operator chain
    /// counts each of its operators); saturates rather than overflows.
    public var size: Int

    /// The extent of a call that applies `applications` functions to `arguments`.
    static func call(applying applications: Int, to arguments: [BoundExpression]) -> ExpressionExtent {
        var depth = 0, size = applications
        for a in arguments {
            let x = a.extent
            depth = max(depth, x.depth)
            size = size.addingReportingOverflow(x.size).overflow ? Int.max : size + x.size
        }
        return ExpressionExtent(depth: depth + 1, size: size)
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
