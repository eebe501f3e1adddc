import Columnar

/// `top-nested [N] of [name=]Expr [with others=C] by [name=]Aggregation [asc|desc], top-nested ...`.
public struct TopNestedSyntax: Sendable {
    /// One level of the hierarchy.
    public struct Level: Sendable {
        /// Nil: every distinct value.
        public var count: ExpressionSyntax?
        public var value: AssignmentSyntax
        /// The `with others=` constant, if written.
        public var others: ExpressionSyntax?
        public var aggregate: AssignmentSyntax
        /// True for `asc`; the default is descending.
        public var ascending: Bool
        public var span: SourceSpan
        public init(
            count: ExpressionSyntax?, value: AssignmentSyntax, others: ExpressionSyntax?, aggregate: AssignmentSyntax,
            ascending: Bool, span: SourceSpan
        ) {
            self.count = count; self.value = value; self.others = others; self.aggregate = aggregate
            self.ascending = ascending; self.span = span
        }
    }
    public var levels: [Level]
    public init(levels: [Level]) { self.levels = levels }
}

/// `top-hitters N of Expr [by SummingExpr]`.
public struct TopHittersSyntax: Sendable {
    public var count: ExpressionSyntax
    public var value: ExpressionSyntax
    public var summing: ExpressionSyntax?
    public init(count: ExpressionSyntax, value: ExpressionSyntax, summing: ExpressionSyntax?) {
        self.count = count; self.value = value; self.summing = summing
    }
}

/// `reduce [kind=source] by Expr [with [threshold=T] [, characters=C]]`.
public struct ReduceSyntax: Sendable {
    public var options: [OptionSyntax]
    public var value: ExpressionSyntax
    /// `threshold=` and `characters=` after `with`.
    public var properties: [OptionSyntax]
    public init(options: [OptionSyntax], value: ExpressionSyntax, properties: [OptionSyntax]) {
        self.options = options; self.value = value; self.properties = properties
    }
}
