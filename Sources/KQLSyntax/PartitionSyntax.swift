import Columnar

/// `partition [hint.strategy=s] [hints] by Column (operators)` or `... by Column { query }`.
public struct PartitionSyntax: Sendable {
    /// What runs for each partition.
    public enum Body: Sendable {
        /// `( op | op ... )`: the operators run over each partition's rows (the implicit source).
        case operators([OperatorSyntax])
        /// `{ query }`: a query with a source of its own, where the key column is a scalar of the partition's value.
        case query(ExpressionSyntax)
    }
    /// `hint.strategy=`, `hint.materialized=`, `hint.concurrency=`, `hint.spread=`, `hint.shufflekey=`.
    public var options: [OptionSyntax]
    public var key: NameSyntax
    public var body: Body
    /// The span of the body, from its opening bracket to its closing one.
    public var bodySpan: SourceSpan
    public init(options: [OptionSyntax], key: NameSyntax, body: Body, bodySpan: SourceSpan) {
        self.options = options; self.key = key; self.body = body; self.bodySpan = bodySpan
    }
}

/// `fork [name=](operators) [name=](operators) ...`: each branch runs over the input and yields a result table.
public struct ForkSyntax: Sendable {
    public struct Branch: Sendable {
        /// `name=` before the parenthesis, if written.
        public var name: NameSyntax?
        public var operators: [OperatorSyntax]
        public var span: SourceSpan
        public init(name: NameSyntax?, operators: [OperatorSyntax], span: SourceSpan) {
            self.name = name; self.operators = operators; self.span = span
        }
    }
    public var branches: [Branch]
    public init(branches: [Branch]) { self.branches = branches }
}

/// `facet by c1, c2 [with (operators)]`: a count table per column, and the `with` operators' table first.
public struct FacetSyntax: Sendable {
    public var columns: [NameSyntax]
    public var with: [OperatorSyntax]?
    public init(columns: [NameSyntax], with: [OperatorSyntax]?) { self.columns = columns; self.with = with }
}
