import Columnar

/// The results of one `Engine.execute` call: one table per tabular statement or command, in order.
public struct QueryResult: Sendable {
    public var tables: [ResultTable]
    public init(tables: [ResultTable]) { self.tables = tables }
}

/// One result table and what plugins printed while producing it.
public struct ResultTable: Sendable {
    /// The rows; `table.visualization` is set when the query ended in `render`.
    public var table: Table
    /// Captured print output of the plugins (python scripts) that ran for this table.
    public var pluginOutput: [String]
    public init(table: Table, pluginOutput: [String] = []) { self.table = table; self.pluginOutput = pluginOutput }
}
