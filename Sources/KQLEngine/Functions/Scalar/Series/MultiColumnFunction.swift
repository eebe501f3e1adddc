import Columnar
import KQLSyntax

/// A function whose result is several columns (`series_fit_line`, `series_decompose`, `series_stats`):
/// `extend (a, b) = f(x)` names them, `extend f(x)` names them `f_x_<component>`.
///
/// ADX's pages say such a function "returns multiple columns and so cannot be used as an argument for
/// another function", so `returnType` of a conforming function rejects every use but the top of an
/// `extend`, `project` or `print` item; the binder expands those into one column per component.
protocol MultiColumnFunction: ScalarFunction {
    /// The components' names (the suffix of their default column names) and types, in order.
    func components(_ arguments: [ArgumentInfo]) throws(FunctionError) -> [Field]
    /// One row's components, in the order of `components` (`arguments` are the row's argument values).
    func row(_ arguments: [Value]) throws(FunctionError) -> [Value]
    /// Whether a call with these arguments returns several columns (`array_sort_asc` of one array is an
    /// ordinary function); decided from the syntax, before the arguments are bound.
    func expands(_ arguments: [ArgumentSyntax]) -> Bool
    /// The default names of the columns: `f_x_<component>` unless the function's page says otherwise.
    func defaultNames(function: String, argumentNames: [String?], components: [Field]) -> [String]
}

extension MultiColumnFunction {
    func expands(_ arguments: [ArgumentSyntax]) -> Bool { true }

    func defaultNames(function: String, argumentNames: [String?], components: [Field]) -> [String] {
        let base = argumentNames.first.flatMap { $0 } ?? ""
        return components.map { "\(function)_\(base)_\($0.name)" }
    }

    func returnType(_ arguments: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        throw FunctionError(
            .type, "\(name)() returns several columns, so it cannot be an argument of another function",
            hint: "use it alone in extend or project: `extend (a, b) = \(name)(...)`, or `extend \(name)(...)`")
    }

    func evaluate(_ arguments: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try MultiColumnCall(function: self).evaluate(arguments, context: context)
    }
}

/// A multi-column function evaluated once per row into a dynamic array of its components, the hidden
/// column its component columns are read from.
struct MultiColumnCall: ScalarFunction {
    let function: any MultiColumnFunction
    var name: String { function.name }

    func returnType(_ arguments: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        _ = try function.components(arguments)
        return .dynamic
    }

    func evaluate(_ arguments: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let f = function
        return try Kernel.boxed(arguments, out: .dynamic, rows: context.rowCount) {
            (r: [Value]) throws(FunctionError) -> Value in
            .dynamic(.array(try f.row(r).map(\.asDynamic)))
        }
    }
}

/// Component `index` of a `MultiColumnCall`'s array, as `type`.
struct ColumnComponent: ScalarFunction {
    let index: Int
    let type: ScalarType
    var name: String { "component" }

    func returnType(_ arguments: [ArgumentInfo]) throws(FunctionError) -> ScalarType { type }

    func evaluate(_ arguments: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let index = self.index, type = self.type
        return try Kernel.boxed(arguments, out: type, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .dynamic(.array(let items)) = r[0], index < items.count else { return .null }
            return type == .dynamic ? .dynamic(items[index]) : Cast.explicit(.dynamic(items[index]), to: type)
        }
    }
}

extension FunctionRegistry {
    /// True for a function that returns several columns and so is never an argument of another call
    /// (`series_fit_line`); a query generator writes it only alone in `extend`/`project`.
    public static func returnsSeveralColumns(_ name: String) -> Bool {
        guard let f = scalar(named: name) as? MultiColumnFunction else { return false }
        return !(f is ArraySortFunction)
    }
}
