import Foundation
import Columnar
import KQLSyntax

/// Resolves names, columns and types of a parsed query before anything runs.
///
/// One binder serves one `Engine.execute` call on one thread (it keeps the query's `set` options and
/// counts `materialize` calls). Nothing it makes refers back to it: operators bound only once a plugin
/// ran reach it through the execution context of the same query (``DeferredOperator``).
public final class Binder {
    let database: any Database
    let functions: any FunctionResolver
    let plugins: [String: any TabularPlugin]
    /// Values the request passed for `declare query_parameters`, as text, by name.
    var parameterValues: [String: String] = [:]
    /// The query's text, handed to plugins (``PluginArguments/source``).
    var source: SourceText?
    /// `set` options in force, handed to plugins.
    public internal(set) var queryOptions: [String: Value] = [:]
    /// `now()` of the query, used when constant folding.
    var now: Int64 = 0
    /// The budget constant folding charges (the statement's, set as each statement is bound).
    var budget: QueryBudget = .unlimited
    private var nextMaterializeID = 0
    /// User functions being expanded, and calls already bound (see `FunctionExpansions`).
    var expansions = FunctionExpansions()
    /// Whether each function definition's body is tabular, by the definition's span (the names it sees
    /// are of the same kinds wherever it is bound; only a command changing the tables changes an answer).
    var tabularBodies: [DefinitionKey: Bool] = [:]
    /// While an `extend` binds its items: how many leading columns of the row are the operator's input.
    /// `pack_all()` packs only those, as the reference's example shows (not the columns the same extend adds).
    var extendInputWidth: Int?
    /// The query's patterns, database aliases and entity groups, and the entities `macro-expand` is expanding.
    var declarations = QueryDeclarations()
    /// Runs a bound query (for `toscalar`, tabular `in` lists and deferred operators).
    var run: ((BoundQuery) throws(KQLError) -> Table)?

    public init(database: any Database, functions: any FunctionResolver, plugins: [any TabularPlugin]) {
        self.database = database
        self.functions = functions
        var byName: [String: any TabularPlugin] = [:]
        for p in plugins { byName[p.name] = p }
        self.plugins = byName
    }

    /// Forgets what was worked out from the database's tables and stored functions: a command may have
    /// created, altered or dropped one.
    func databaseChanged() {
        tabularBodies = [:]
        expansions.reused = [[:]]
    }

    func makeMaterializeID() -> Int {
        nextMaterializeID += 1
        return nextMaterializeID
    }

    func execute(_ query: BoundQuery, span: SourceSpan) throws(KQLError) -> Table {
        guard let run else {
            throw KQLError(
                .unsupported, "this expression needs a sub-query evaluated while binding, which this binder cannot do",
                span: span)
        }
        return try run(query)
    }

    // MARK: Statements

    /// Binds a `let` statement into `scope`.
    public func bindLet(_ l: LetSyntax, scope: inout Scope) throws(KQLError) {
        switch l.value {
        case .function(let def):
            scope[l.name.name] = .function(def, scope)
        case .expression(.call(let name, let references, _)) where name.name == "entity_group":
            // `let G = entity_group [...]`: resolved where `macro-expand` uses it.
            declarations.entityGroups[l.name.name] = references.map(\.value)
        case .expression(let e):
            if isTabular(e, scope: scope) {
                scope[l.name.name] = .tabular(try bindTabularOrGraph(e, scope: scope))
            } else {
                scope[l.name.name] = .scalar(try bindScalar(e, schema: Schema([]), scope: scope))
            }
        }
    }

    /// Binds `declare query_parameters(...)`: each parameter takes the value the request passed for it
    /// (``RequestProperties/parameters``, the CLI's `--param`), else its default.
    public func bindQueryParameters(_ params: [ParameterSyntax], scope: inout Scope) throws(KQLError) {
        for p in params {
            guard case .scalar(let type) = p.kind else {
                throw KQLError(
                    .unsupported, "tabular query parameter '\(p.name.name)' is not supported", span: p.name.span)
            }
            if let text = parameterValues[p.name.name] {
                scope[p.name.name] = .scalar(
                    .constant(try QueryParameterValue.parse(text, as: type, name: p.name), type))
                continue
            }
            guard let d = p.defaultValue else {
                throw KQLError(
                    .argument, "query parameter '\(p.name.name)' has no value and no default", span: p.name.span,
                    hint: "give it a default: `declare query_parameters(\(p.name.name):\(type.rawValue) = ...)`")
            }
            let bound = try bindScalar(d, schema: Schema([]), scope: scope)
            scope[p.name.name] = .scalar(try coerce(bound, to: type, span: d.span))
        }
    }

    /// Binds `set name [= value]`.
    public func bindSet(name: NameSyntax, value: ExpressionSyntax?, scope: Scope) throws(KQLError) {
        guard let value else { queryOptions[name.name] = .bool(true); return }
        let bound = try bindScalar(value, schema: Schema([]), scope: scope)
        if let v = bound.constantValue {
            queryOptions[name.name] = v
        } else if case .name(let n) = value {
            queryOptions[name.name] = .string(n.name)
        } else {
            throw KQLError(.argument, "the value of option '\(name.name)' must be a constant", span: value.span)
        }
    }

    /// A constant of one type converted to another where KQL converts implicitly (long to real, ...),
    /// by the implicit mode of the one cast table; a column converts through its `to*` function.
    func coerce(_ e: BoundExpression, to type: ScalarType, span: SourceSpan) throws(KQLError) -> BoundExpression {
        if e.type == type { return e }
        if case .constant(let v, _) = e {
            if v.isNull { return .constant(type == .dynamic ? .dynamic(.null) : .null, type) }
            if let c = Cast.value(v, to: type, mode: .implicit) { return .constant(c, type) }
        }
        if type == .dynamic || (type.isNumeric && e.type.isNumeric) {
            if let f = functions.scalarFunction(named: Binder.conversionFunction(type)) {
                return try makeCall(f, [e], argumentSpans: [span], span: span)
            }
        }
        throw KQLError(.type, "expected a value of type \(type.rawValue), got \(e.type.rawValue)", span: span)
    }

    static func conversionFunction(_ t: ScalarType) -> String {
        switch t {
        case .bool: return "tobool"
        case .int: return "toint"
        case .long: return "tolong"
        case .real: return "toreal"
        case .decimal: return "todecimal"
        case .datetime: return "todatetime"
        case .timespan: return "totimespan"
        case .guid: return "toguid"
        case .string: return "tostring"
        case .dynamic: return "todynamic"
        }
    }
}
