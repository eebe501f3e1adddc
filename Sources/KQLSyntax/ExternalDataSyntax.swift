/// `externaldata (name:type, ...) [ "uri", ... ] [with (format="csv", ignoreFirstRecord=true)]` (also spelled
/// `external_data`): a table read from files when the query runs.
public struct ExternalDataSyntax: Sendable {
    public var columns: [ColumnDeclarationSyntax]
    /// The storage connection strings, as written (string expressions).
    public var uris: [ExpressionSyntax]
    /// The `with (...)` properties.
    public var properties: [OptionSyntax]
    public init(columns: [ColumnDeclarationSyntax], uris: [ExpressionSyntax], properties: [OptionSyntax]) {
        self.columns = columns; self.uris = uris; self.properties = properties
    }
}
