import Columnar

/// A parsed query text: statements separated by `;`.
public struct ScriptSyntax: Sendable {
    public var statements: [StatementSyntax]
    public var source: SourceText
    public init(statements: [StatementSyntax], source: SourceText) {
        self.statements = statements; self.source = source
    }
}

/// A parameter of a user-defined function: `k:int = 3` or `T:(*)` / `T:(a:long)`.
public struct ParameterSyntax: Sendable {
    public var name: NameSyntax
    public var kind: Kind
    public var defaultValue: ExpressionSyntax?
    public init(name: NameSyntax, kind: Kind, defaultValue: ExpressionSyntax?) {
        self.name = name; self.kind = kind; self.defaultValue = defaultValue
    }

    public enum Kind: Sendable {
        case scalar(ScalarType)
        case tabular(SchemaSyntax)
    }
}

/// `(params) { let ...; body }`.
public struct FunctionDefinitionSyntax: Sendable {
    public var parameters: [ParameterSyntax]
    /// `let` statements inside the body, in order.
    public var lets: [LetSyntax]
    /// The body's final expression.
    public var body: ExpressionSyntax
    public var span: SourceSpan
    /// The text the definition was parsed from: the query's, or a stored function's own. Spans inside the
    /// definition point into it, so errors in a stored function's body show where in that function.
    public var source: SourceText?
    public init(
        parameters: [ParameterSyntax], lets: [LetSyntax], body: ExpressionSyntax, span: SourceSpan,
        source: SourceText? = nil
    ) {
        self.parameters = parameters; self.lets = lets; self.body = body; self.span = span; self.source = source
    }
}

/// `let name = value;`
public struct LetSyntax: Sendable {
    public var name: NameSyntax
    public var value: Value
    public var span: SourceSpan
    public init(name: NameSyntax, value: Value, span: SourceSpan) {
        self.name = name; self.value = value; self.span = span
    }

    public enum Value: Sendable {
        /// A scalar or tabular expression (the binder decides which).
        case expression(ExpressionSyntax)
        case function(FunctionDefinitionSyntax)
    }
}

/// A management command (`.show tables`, `.create table`, ...), kept close to its text.
public struct CommandSyntax: Sendable {
    public var kind: Kind
    public var span: SourceSpan
    /// The query operators after a `.show` command (`.show tables | where TableName startswith "S"`),
    /// which ADX runs over the command's result table.
    public var operators: [OperatorSyntax]
    public init(kind: Kind, span: SourceSpan, operators: [OperatorSyntax] = []) {
        self.kind = kind; self.span = span; self.operators = operators
    }

    public enum Kind: Sendable {
        case showTables
        /// `.show table T schema [as json]`.
        case showTableSchema(table: NameSyntax, asJSON: Bool)
        /// `.show functions`.
        case showFunctions
        /// `.show function F`.
        case showFunction(name: NameSyntax)
        /// `.show version`: the service's build.
        case showVersion
        /// `.show cluster`: one row per node (one here).
        case showCluster
        /// `.show databases` and, with `entities`, `.show databases entities` (tables and functions).
        case showDatabases(entities: Bool)
        /// `.show database X schema [as json]`, `.show databases (X, ...) schema as json` and
        /// `.show databases schema as json` (`databases` empty: every database).
        case showDatabaseSchema(databases: [NameSyntax], asJSON: Bool)
        /// `.show materialized-views`.
        case showMaterializedViews
        /// `.create table T (a:long, ...)`.
        case createTable(table: NameSyntax, columns: [ColumnDeclarationSyntax])
        /// `.drop table T [ifexists]`.
        case dropTable(table: NameSyntax, ifExists: Bool)
        /// `.ingest inline into table T [with (format=csv)] <| data`; the data is raw text.
        case ingestInline(table: NameSyntax, options: [OptionSyntax], data: String)
        /// `.set T <| query`, `.append T <| query`, `.set-or-append T <| query`, `.set-or-replace T <| query`.
        case setOrAppend(verb: String, table: NameSyntax, options: [OptionSyntax], query: ExpressionSyntax)
        /// `.export [async] [compressed] to FORMAT (path, ...) [with (...)] <| query`.
        case export(ExportSyntax)
        /// `.create function`, `.create-or-alter function` or `.alter function`.
        case createFunction(FunctionCommandSyntax)
        /// `.drop function F [ifexists]` (one name) or `.drop functions (F, G) [ifexists]` (`several`).
        case dropFunctions(names: [NameSyntax], several: Bool, ifExists: Bool)
    }
}

/// `.create [ifnotexists]` / `.create-or-alter` / `.alter` `function [with (...)] Name(params) { body }`.
/// `.export [async] [compressed] to FORMAT (path, ...) [with (...)] <| query`: the query's result written to
/// files.
public struct ExportSyntax: Sendable {
    /// `csv`, `tsv`, `json`, `parquet` or `arrow`, as written.
    public var format: NameSyntax
    public var compressed: Bool
    /// The storage connection strings; locally, paths.
    public var paths: [ExpressionSyntax]
    public var options: [OptionSyntax]
    public var query: ExpressionSyntax
    public init(
        format: NameSyntax, compressed: Bool, paths: [ExpressionSyntax], options: [OptionSyntax],
        query: ExpressionSyntax
    ) {
        self.format = format; self.compressed = compressed; self.paths = paths; self.options = options
        self.query = query
    }
}

public struct FunctionCommandSyntax: Sendable {
    public enum Verb: String, Sendable {
        case create = "create", createOrAlter = "create-or-alter", alter = "alter"
    }
    public var verb: Verb
    public var ifNotExists: Bool
    public var name: NameSyntax
    /// The `with (...)` properties (`folder`, `docstring`, `skipvalidation`, `view`).
    public var properties: [OptionSyntax]
    public var definition: FunctionDefinitionSyntax
    /// The parameter list as written, `(a:long, T:(*))`: what `.show functions` reports.
    public var parametersText: String
    /// The body as written, braces included.
    public var bodyText: String
    public init(
        verb: Verb, ifNotExists: Bool, name: NameSyntax, properties: [OptionSyntax],
        definition: FunctionDefinitionSyntax, parametersText: String, bodyText: String
    ) {
        self.verb = verb; self.ifNotExists = ifNotExists; self.name = name; self.properties = properties
        self.definition = definition; self.parametersText = parametersText; self.bodyText = bodyText
    }
}

/// One statement of a query text.
public enum StatementSyntax: Sendable {
    case `let`(LetSyntax)
    /// `set name [= value]` (query options such as `query_python_debug`).
    case set(name: NameSyntax, value: ExpressionSyntax?, span: SourceSpan)
    /// `declare query_parameters(name:type [= default], ...)`.
    case declareQueryParameters([ParameterSyntax], span: SourceSpan)
    /// `declare pattern Name [= ...]`.
    case pattern(PatternSyntax)
    /// `alias database Name = cluster("uri").database("db")`.
    case aliasDatabase(AliasDatabaseSyntax)
    /// A tabular expression: each one produces a result table.
    case query(ExpressionSyntax)
    case command(CommandSyntax)
}
