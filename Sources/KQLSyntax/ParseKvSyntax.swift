import Columnar

/// `parse-kv Expr as (key:type, ...) [with (pair_delimiter=..., kv_delimiter=..., quote=..., escape=..., greedy=..., regex=...)]`.
public struct ParseKvSyntax: Sendable {
    public var source: ExpressionSyntax
    /// The keys to extract, each becoming a column of its type.
    public var keys: [ColumnDeclarationSyntax]
    /// The `with (...)` properties as written (`quote` and `escape` may repeat).
    public var properties: [OptionSyntax]
    public var span: SourceSpan
    public init(source: ExpressionSyntax, keys: [ColumnDeclarationSyntax], properties: [OptionSyntax], span: SourceSpan)
    {
        self.source = source; self.keys = keys; self.properties = properties; self.span = span
    }
}
