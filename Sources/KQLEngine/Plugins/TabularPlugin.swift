import Columnar
import KQLSyntax

/// The arguments of an `evaluate plugin(...)` call after binding: constants are evaluated,
/// `typeof(...)` schemas are kept as written.
public struct PluginArguments: Sendable {
    public enum Argument: Sendable {
        case value(Value, ScalarType)
        case schema(SchemaSyntax)
        /// A tabular argument (a table, a `let` name, a parenthesized pipeline) as bound; the engine runs
        /// it and hands the plugin `.table` instead.
        case query(BoundQuery)
        /// A tabular argument's rows, as a plugin sees them in `run` (`geo_polygon_lookup(Polygons, ...)`).
        case table(Table)
        /// An expression over the input's columns (`rows_near(State == "Error", 2)`), for a plugin that
        /// ``TabularPlugin/acceptsRowExpressions``; the engine evaluates it and hands the plugin `.column`.
        case expression(BoundExpression)
        /// A row expression's value for every input row, as a plugin sees it in `run`.
        case column(Column)
        /// Operators run over the plugin's input (a `.input`-sourced query, ``TabularPlugin/inputOperators(_:input:span:)``);
        /// the engine runs it and hands the plugin `.table`.
        case inputQuery(BoundQuery)
    }
    public var positional: [Argument]
    public var named: [String: Argument]
    /// `hint.*` and other options written before the plugin name.
    public var options: [String: Value]
    /// True for the seed's `| python(...)` form.
    public var inlineForm: Bool
    /// Query-level `set` options in force (e.g. `query_python_debug`).
    public var queryOptions: [String: Value]
    /// Where the call is, for errors.
    public var span: SourceSpan
    /// Where each argument is written: `positionalSpans[i]` for `positional[i]`, `namedSpans[name]` for a
    /// named one (and the seed's script after the call, as `script`); empty when the call was not parsed.
    public var positionalSpans: [SourceSpan] = []
    public var namedSpans: [String: SourceSpan] = [:]
    /// The query's text, so a plugin can point an error at a line inside an argument (a python script's
    /// failing line); nil when unknown.
    public var source: SourceText?
    /// The running statement's memory and time budget, set when the plugin runs: a plugin charges what
    /// it brings into the engine and stops by the deadline.
    public var budget: QueryBudget = .unlimited

    public init(
        positional: [Argument], named: [String: Argument], options: [String: Value], inlineForm: Bool,
        queryOptions: [String: Value], span: SourceSpan
    ) {
        self.positional = positional; self.named = named; self.options = options
        self.inlineForm = inlineForm; self.queryOptions = queryOptions; self.span = span
    }
}

/// Output of a plugin run besides the table.
public struct PluginResult: Sendable {
    public var table: Table
    /// Text the plugin wants shown beside the result (the python plugin's captured print output).
    public var output: String?
    /// Files the plugin wrote for the user (the python plugin's `outputs/`), as paths to show.
    public var files: [String]
    public init(table: Table, output: String? = nil, files: [String] = []) {
        self.table = table; self.output = output; self.files = files
    }
}

/// A tabular plugin reached through `evaluate` (and the seed's `| python(...)`).
///
/// The engine never imports Python or the sandbox: the CLI registers the python plugin through this protocol.
public protocol TabularPlugin: Sendable {
    /// The plugin name as written after `evaluate`.
    var name: String { get }
    /// The output schema, when it is known before running (nil: inferred from the result).
    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema?
    /// Runs the plugin over its whole input.
    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult
    /// True when an argument may be an expression over the input's columns (bound as `.expression`);
    /// otherwise every argument is a constant, a schema or a table, and a bare unknown word is its text.
    var acceptsRowExpressions: Bool { get }
    /// Operators the engine should bind over the input from the call's arguments as written, and run before the
    /// plugin (`pivot`'s aggregation); their result arrives as the named argument ``PluginArguments/inputQueryArgument``.
    /// Nil (the default) for none.
    func inputOperators(_ arguments: [ArgumentSyntax], input: Schema, span: SourceSpan) throws(KQLError)
        -> [OperatorSyntax]?
    /// How many tables the plugin yields as the last operator of a statement (`funnel_sequence`'s three); each
    /// is a run with ``PluginArguments/resultTableArgument`` set to its 0-based number. 1 by default.
    var resultTables: Int { get }
}

extension TabularPlugin {
    public var acceptsRowExpressions: Bool { false }
    public func inputOperators(_ arguments: [ArgumentSyntax], input: Schema, span: SourceSpan) throws(KQLError)
        -> [OperatorSyntax]?
    { nil }
    public var resultTables: Int { 1 }
}

extension PluginArguments {
    /// The named argument under which the result of ``TabularPlugin/inputOperators(_:input:span:)`` arrives.
    public static let inputQueryArgument = "$inputQuery"
    /// The named argument holding which of its ``TabularPlugin/resultTables`` a run yields (absent: the
    /// first).
    public static let resultTableArgument = "$resultTable"
}

extension PluginArguments {
    /// The first argument of a lookup plugin (`ipv4_lookup`, `geo_polygon_lookup`, ...): the lookup table.
    func lookupTable(of plugin: String) throws(KQLError) -> Table {
        guard case .table(let lookup)? = positional.first else {
            throw KQLError(
                .argument,
                "\(plugin): the first argument must be the lookup table (a table, a `let` name or a tabular expression)",
                span: span)
        }
        return lookup
    }
}
