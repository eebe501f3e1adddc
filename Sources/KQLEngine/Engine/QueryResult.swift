import Columnar

/// The results of one `Engine.execute` call: one table per tabular statement or command, in order.
public struct QueryResult: Sendable {
    public var tables: [ResultTable]
    public init(tables: [ResultTable]) { self.tables = tables }
}

/// One result table, what plugins printed while producing it, and whether it was truncated.
public struct ResultTable: Sendable {
    /// The rows; `table.visualization` is set when the query ended in `render`.
    public var table: Table
    /// Captured print output of the plugins (python scripts) that ran for this table.
    public var pluginOutput: [String]
    /// Set when the rows were cut at the truncation limits (a partial result).
    public var truncation: TruncationNotice?
    /// Files the plugins wrote for the user (python scripts' `outputs/`).
    public var pluginFiles: [String]
    public init(
        table: Table, pluginOutput: [String] = [], truncation: TruncationNotice? = nil, pluginFiles: [String] = []
    ) {
        self.table = table; self.pluginOutput = pluginOutput; self.truncation = truncation
        self.pluginFiles = pluginFiles
    }
}
