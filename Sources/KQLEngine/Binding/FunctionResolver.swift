import Columnar
import KQLSyntax

/// What the binder needs from a function library: functions looked up by name or operator.
///
/// `FunctionRegistry` (the functions library) is the production implementation; unit tests can
/// hand the binder a small library of their own.
///
/// Calling conventions the binder uses:
/// - `binary(op)`: two arguments, left then right.
/// - `setMembership(op)`: the left value first, then one argument per list element; a tabular
///   list (`x in (T | project c)`) is passed as one constant `dynamic` array.
/// - `between` and `notBetween`: value, low, high.
/// - `negate`: one argument. `dynamicMember`: the base and a constant string key.
///   `dynamicIndex`: the base and the index.
public protocol FunctionResolver: Sendable {
    func scalarFunction(named name: String) -> (any ScalarFunction)?
    func aggregateFunction(named name: String) -> (any AggregateFunction)?
    func binaryFunction(_ op: BinaryOperator) -> (any ScalarFunction)?
    func setMembershipFunction(_ op: SetOperator) -> (any ScalarFunction)?
    var betweenFunction: (any ScalarFunction)? { get }
    var notBetweenFunction: (any ScalarFunction)? { get }
    var negateFunction: (any ScalarFunction)? { get }
    var dynamicMemberFunction: (any ScalarFunction)? { get }
    var dynamicIndexFunction: (any ScalarFunction)? { get }
    /// The names of the scalar functions, for "did you mean" when a call names none of them.
    var scalarFunctionNames: [String] { get }
}

extension FunctionResolver {
    public var scalarFunctionNames: [String] { [] }
}
