/// A column's name and type.
public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var type: ScalarType
    public init(_ name: String, _ type: ScalarType) { self.name = name; self.type = type }
}

/// The ordered fields of a table.
public struct Schema: Sendable, Hashable, Codable {
    public var fields: [Field]
    public init(_ fields: [Field]) { self.fields = fields }

    public var names: [String] { fields.map(\.name) }
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// A named set of equal-length columns: what every KQL operator consumes and produces.
public struct Table: Sendable {
    public var schema: Schema
    public var columns: [Column]
    public private(set) var rowCount: Int
    /// Set by `render`: the visualization and its properties, reported with the result.
    public var visualization: Visualization?

    /// Builds a table; every column must have `rowCount` rows and the type its field declares.
    public init(schema: Schema, columns: [Column], rowCount: Int? = nil) {
        precondition(schema.fields.count == columns.count, "schema and columns differ in length")
        let n = rowCount ?? columns.first?.count ?? 0
        for (f, c) in zip(schema.fields, columns) {
            precondition(c.count == n, "column \(f.name) has \(c.count) rows, table has \(n)")
            precondition(c.type == f.type, "column \(f.name) is \(c.type), schema says \(f.type)")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = n
    }

    /// A table with the given columns.
    public init(_ named: [(String, Column)]) {
        self.init(schema: Schema(named.map { Field($0.0, $0.1.type) }), columns: named.map(\.1))
    }

    /// An empty table of `schema`.
    public static func empty(_ schema: Schema) -> Table {
        Table(schema: schema, columns: schema.fields.map { Column.empty($0.type) }, rowCount: 0)
    }

    public func column(named name: String) -> Column? { schema.index(of: name).map { columns[$0] } }

    /// The rows at `indices` (-1 gives a null row).
    public func gather(_ indices: [Int]) -> Table {
        var t = Table(schema: schema, columns: columns.map { $0.gather(indices) }, rowCount: indices.count)
        t.visualization = visualization
        return t
    }

    /// Row `i` boxed (slow path, for output and tests).
    public func row(_ i: Int) -> [Value] { columns.map { $0.value(i) } }

    /// Every row boxed (slow path, for output and tests).
    public var rows: [[Value]] { (0..<rowCount).map(row) }
}

/// What `render` recorded: the chart kind and its `with (...)` properties.
public struct Visualization: Sendable, Hashable, Codable {
    /// The visualization as the query names it (`timechart`).
    public var kind: String
    /// The `with (...)` properties as text; column lists comma-delimited (`ycolumns` = `a,b`).
    public var properties: [String: String]
    /// Whether the rows reach `render` in an order the query gave them (`sort`, `top`): ADX's `IsQuerySorted`.
    public var isQuerySorted: Bool
    public init(kind: String, properties: [String: String] = [:], isQuerySorted: Bool = false) {
        self.kind = kind; self.properties = properties; self.isQuerySorted = isQuerySorted
    }
}
