import Columnar

/// `declare pattern Name [= (arg:string, ...) [[path:string]] { (value, ...).[pathValue] = { query }; ... }]`:
/// a mapping from tuples of strings to tabular expressions (pattern-statement.md). A pattern declared without
/// a mapping is *empty*; invoking it names the missing definition in the error.
public struct PatternSyntax: Sendable {
    /// One mapping: the argument values (and path value) it answers, and the tabular expression it stands for.
    public struct Definition: Sendable {
        public var arguments: [String]
        public var path: String?
        public var body: ExpressionSyntax
        public var span: SourceSpan
        public init(arguments: [String], path: String?, body: ExpressionSyntax, span: SourceSpan) {
            self.arguments = arguments; self.path = path; self.body = body; self.span = span
        }
    }

    public var name: NameSyntax
    /// The argument names; empty for an empty pattern.
    public var parameters: [NameSyntax]
    /// The path argument's name, when the pattern has one.
    public var pathParameter: NameSyntax?
    public var definitions: [Definition]
    /// Whether the declaration defines a mapping (`= (...) {...}`), even one with no entries.
    public var isDefined: Bool
    public var span: SourceSpan
    public init(
        name: NameSyntax, parameters: [NameSyntax], pathParameter: NameSyntax?, definitions: [Definition],
        isDefined: Bool, span: SourceSpan
    ) {
        self.name = name; self.parameters = parameters; self.pathParameter = pathParameter
        self.definitions = definitions; self.isDefined = isDefined; self.span = span
    }
}

/// `alias database Name = cluster("uri").database("db")`: a name for a database, usable as `database("Name")`
/// in the rest of the query (alias-statement.md).
public struct AliasDatabaseSyntax: Sendable {
    public var name: NameSyntax
    /// The database reference, as parsed: a `database(...)` call, with its cluster when one was written.
    public var target: ExpressionSyntax
    public var span: SourceSpan
    public init(name: NameSyntax, target: ExpressionSyntax, span: SourceSpan) {
        self.name = name; self.target = target; self.span = span
    }
}

/// `macro-expand [kind=...] [isfuzzy=...] Group as X (subquery)`, the same with `entity_group [refs]` inline,
/// or `macro-expand X in Group (subquery)`: the subquery once per entity of the group, the results unioned
/// (macro-expand-operator.md).
public struct MacroExpandSyntax: Sendable {
    public enum Group: Sendable {
        /// `entity_group [ref, ...]` written in the operator.
        case inline([ExpressionSyntax], SourceSpan)
        /// The name of a group a `let` defined (or a stored one).
        case named(NameSyntax)
    }

    /// `kind=` and `isfuzzy=`.
    public var options: [OptionSyntax]
    public var group: Group
    /// The name the subquery uses for the current entity.
    public var identifier: NameSyntax
    /// `let` statements before the subquery's expression.
    public var lets: [LetSyntax]
    public var subquery: ExpressionSyntax
    public init(
        options: [OptionSyntax], group: Group, identifier: NameSyntax, lets: [LetSyntax], subquery: ExpressionSyntax
    ) {
        self.options = options; self.group = group; self.identifier = identifier; self.lets = lets
        self.subquery = subquery
    }
}

/// Names the parser gives the parts of a chained reference, kept as named arguments of the call they qualify
/// (`$` cannot start an argument name a query writes, so they never clash with one).
public enum ReferenceArgument {
    /// `cluster("c").database("d")` is the call `database("d")` with the `cluster("c")` call under this name.
    public static let cluster = "$cluster"
    /// `database("d").F(args)` is the call `F(args)` with the `database("d")` call under this name.
    public static let database = "$database"
}
