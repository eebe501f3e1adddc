import Columnar
import KQLSyntax

/// `make-graph`'s semantics: every input row is an edge from the node its source column names to the node its
/// target column names; every row of a nodes table is a node with that row's columns as properties. A node
/// in two nodes tables gets the properties of both (the first table's value where both have one); a node
/// only the edges name gets its id as the key property (or the `with_node_id` property) and nulls elsewhere.
enum GraphBuilder {
    static func build(_ spec: BoundMakeGraph, edges: Table, nodeTables: [Table], budget: QueryBudget) throws(KQLError)
        -> Graph
    {
        try budget.charge(
            count: edges.rowCount * 2 + nodeTables.reduce(0) { $0 + $1.rowCount }, bytesEach: 64,
            for: "make-graph")
        var index: [Value: Int] = [:]
        var ids: [Value] = []
        // For each node, its row in each nodes table (-1: none).
        var rows: [[Int]] = nodeTables.map { _ in [] }
        func node(_ key: Value) -> Int {
            if let n = index[key] { return n }
            let n = ids.count
            index[key] = n
            ids.append(key)
            for t in rows.indices { rows[t].append(-1) }
            return n
        }
        for (t, table) in nodeTables.enumerated() {
            let keyColumn = table.columns[spec.nodeTables[t].key]
            for r in 0..<table.rowCount {
                let n = node(Graph.key(keyColumn.value(r)))
                // Duplicate ids in one table: the first row wins (ADX picks one arbitrarily).
                if rows[t][n] < 0 { rows[t][n] = r }
            }
        }
        let sources = edges.columns[spec.sourceColumn], targets = edges.columns[spec.targetColumn]
        var edgeSource = [Int](repeating: 0, count: edges.rowCount), edgeTarget = edgeSource
        for r in 0..<edges.rowCount {
            edgeSource[r] = node(Graph.key(sources.value(r)))
            edgeTarget[r] = node(Graph.key(targets.value(r)))
        }
        let nodes = try nodeProperties(spec, nodeTables: nodeTables, rows: rows, ids: ids)
        return Graph(nodes: nodes, edges: edges, nodeIDs: ids, edgeSource: edgeSource, edgeTarget: edgeTarget)
    }

    /// The node properties: each property gathered from the first nodes table that has the node, and the key
    /// property (or `with_node_id`) filled with the id for nodes no table has.
    private static func nodeProperties(
        _ spec: BoundMakeGraph, nodeTables: [Table], rows: [[Int]],
        ids: [Value]
    ) throws(KQLError) -> Table {
        let count = ids.count
        if spec.nodeIdProperty != nil {
            let type = spec.nodeSchema.fields.first?.type ?? .string
            return Table(schema: spec.nodeSchema, columns: [idColumn(ids, type: type, existing: nil)], rowCount: count)
        }
        var columns: [Column] = []
        for (p, field) in spec.nodeSchema.fields.enumerated() {
            let sources = spec.nodeColumnSources[p]
            var merged: Column?
            for (t, source) in sources.enumerated() {
                guard let c = source else { continue }
                let part = nodeTables[t].columns[c].gather(rows[t])
                merged = merged.map { mergeNulls($0, part, type: field.type) } ?? part
            }
            var column = merged ?? Column(repeating: .null, type: field.type, count: count)
            // The first table's key column names every node, the ones only edges mention too.
            if let first = spec.nodeTables.first, sources.first == first.key {
                column = idColumn(ids, type: field.type, existing: column)
            }
            columns.append(column)
        }
        return Table(schema: spec.nodeSchema, columns: columns, rowCount: count)
    }

    /// A column of node ids of `type`, keeping `existing`'s non-null values.
    private static func idColumn(_ ids: [Value], type: ScalarType, existing: Column?) -> Column {
        var values: [Value] = []
        values.reserveCapacity(ids.count)
        for (n, id) in ids.enumerated() {
            if let existing, !existing.value(n).isNull { values.append(existing.value(n)); continue }
            values.append(Cast.value(id, to: type, mode: .implicit) ?? .null)
        }
        return Column(type: type, values: values)
    }

    /// `a` with its nulls taken from `b`.
    private static func mergeNulls(_ a: Column, _ b: Column, type: ScalarType) -> Column {
        var values: [Value] = []
        values.reserveCapacity(a.count)
        for i in 0..<a.count {
            let v = a.value(i)
            values.append(v.isNull ? (Cast.value(b.value(i), to: type, mode: .implicit) ?? .null) : v)
        }
        return Column(type: type, values: values)
    }
}
