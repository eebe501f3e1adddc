import Columnar
import KQLSyntax

/// The function library as the binder sees it.
public struct StandardFunctions: FunctionResolver {
    public init() {}
    public func scalarFunction(named name: String) -> (any ScalarFunction)? { FunctionRegistry.scalar(named: name) }
    public func aggregateFunction(named name: String) -> (any AggregateFunction)? {
        FunctionRegistry.aggregate(named: name)
    }
    public func binaryFunction(_ op: BinaryOperator) -> (any ScalarFunction)? { FunctionRegistry.binary(op) }
    public func setMembershipFunction(_ op: SetOperator) -> (any ScalarFunction)? { FunctionRegistry.setMembership(op) }
    public var betweenFunction: (any ScalarFunction)? { FunctionRegistry.between }
    public var notBetweenFunction: (any ScalarFunction)? { FunctionRegistry.notBetween }
    public var negateFunction: (any ScalarFunction)? { FunctionRegistry.negate }
    public var dynamicMemberFunction: (any ScalarFunction)? { FunctionRegistry.dynamicMember }
    public var dynamicIndexFunction: (any ScalarFunction)? { FunctionRegistry.dynamicIndex }
    public var scalarFunctionNames: [String] { FunctionRegistry.scalarNames }
}
