import Columnar
import KQLSyntax

/// The function library: every scalar and aggregate function by its KQL name (case-sensitive),
/// and the operator kernels the binder uses for expressions.
///
/// The families below are the single source of what is implemented: each family's list lives beside its
/// functions (`Scalar/Math/MathFunctions.swift`, ...), and the names, the manifest's "implemented" statuses
/// and `docs/support.md` are derived from them. A new family folder adds its list here in one line.
public enum FunctionRegistry {
    /// Every family, one line each.
    static let families: [FunctionFamily] = [
        StringFunctions.all,
        EncodingFunctions.all,
        DateTimeFunctions.all,
        ConversionFunctions.all,
        ConditionalFunctions.all,
        DynamicFunctions.all,
        MathFunctions.all,
        HashFunctions.all,
        WindowFunctions.all,
        SpecialFunctions.all,
        GeoFunctions.all,
        IPFunctions.all,
        EnvironmentFunctions.all,
        SeriesFunctions.all,
        SketchFunctions.all,
        AggregateFunctions.all,
        SketchAggregates.all,
    ]

    /// Every declared function, aliases included, in family order.
    public static let declarations: [FunctionDeclaration] = families.flatMap(\.declarations)

    // A name may be both a scalar and an aggregate (`hll_merge`, `tdigest_merge`): ADX resolves it by where the
    // call stands, so the two kinds have a table each.
    private static let declarationsByName: [String: FunctionDeclaration] =
        Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    private static let scalarsByName: [String: any ScalarFunction] = Dictionary(
        declarations.compactMap {
            if case .scalar(let f) = $0.implementation { return ($0.name, f) } else { return nil }
        }, uniquingKeysWith: { a, _ in a })
    private static let aggregatesByName: [String: any AggregateFunction] = Dictionary(
        declarations.compactMap {
            if case .aggregate(let f) = $0.implementation { return ($0.name, f) } else { return nil }
        }, uniquingKeysWith: { a, _ in a })

    /// The declaration of the function called `named` (scalar, aggregate or bound by the binder), or nil.
    public static func declaration(named: String) -> FunctionDeclaration? { declarationsByName[named] }

    /// The scalar function called `named` (KQL names are case-sensitive), or nil.
    public static func scalar(named: String) -> (any ScalarFunction)? { scalarsByName[named] }

    /// The aggregate function called `named`, or nil.
    public static func aggregate(named: String) -> (any AggregateFunction)? { aggregatesByName[named] }

    /// Names of every scalar function with a kernel, sorted.
    public static var scalarNames: [String] { scalarsByName.keys.sorted() }

    /// Names of every aggregate function, sorted.
    public static var aggregateNames: [String] { aggregatesByName.keys.sorted() }

    /// Every implemented function name: kernels, aggregates and the binder's own (`toscalar`, `typeof`).
    public static var implementedNames: Set<String> { Set(declarationsByName.keys) }
}

extension FunctionRegistry {
    /// The kernel of a binary operator: arithmetic, comparison, `and`/`or` or a string predicate.
    /// `like`/`!like` are not KQL; they get a kernel that rejects them by name.
    public static func binary(_ op: BinaryOperator) -> any ScalarFunction {
        switch op {
        case .add, .subtract, .multiply, .divide, .modulo: return ArithmeticOperator(op: op)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .equalCaseInsensitive,
            .notEqualCaseInsensitive:
            return ComparisonOperator(op: op)
        case .and, .or: return LogicalOperator(op: op)
        case .like, .notLike: return UnsupportedOperator(name: op.rawValue)
        default: return StringOperator(op: op)
        }
    }

    /// The kernel of `in`, `!in`, `in~`, `!in~`, `has_any` or `has_all`: arguments are the left
    /// value followed by the list items.
    public static func setMembership(_ op: SetOperator) -> any ScalarFunction { SetMembershipOperator(op: op) }

    /// `between` (arguments: value, low, high).
    public static var between: any ScalarFunction { BetweenOperator(negated: false) }

    /// `!between` (arguments: value, low, high).
    public static var notBetween: any ScalarFunction { BetweenOperator(negated: true) }

    /// Unary minus.
    public static var negate: any ScalarFunction { NegateOperator() }

    /// `d.key` (arguments: the dynamic value, the key as a string).
    public static var dynamicMember: any ScalarFunction { DynamicMemberAccess() }

    /// `d[i]` / `d['key']` (arguments: the dynamic value, the index or key).
    public static var dynamicIndex: any ScalarFunction { DynamicIndexAccess() }
}

/// An operator KQL does not have, rejected by name when bound.
struct UnsupportedOperator: ScalarFunction {
    let name: String
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        throw FunctionError(
            .unsupported, "operator '\(name)' is not KQL; use 'contains', 'startswith' or 'matches regex'")
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        throw FunctionError(.unsupported, "operator '\(name)' is not KQL")
    }
}
