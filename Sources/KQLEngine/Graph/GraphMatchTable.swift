import Columnar
import KQLSyntax

/// Turns matches into the table `where` and `project` were bound against: one row per match, one column per
/// property (or degree, or `map`/`all`/`any`) the query reads. A property of a variable length edge is the
/// dynamic array of that property along the walk, in pattern order.
struct GraphMatchTable {
    let graph: Graph
    let pattern: BoundGraphPattern
    let columns: [GraphMatchColumn]
    let schema: Schema
    let evaluator: ExpressionEvaluator

    /// The table for `matches`; columns outside `only` (when given) are left null.
    func build(_ matches: GraphMatches, only: Set<Int>? = nil) throws(KQLError) -> Table {
        var out: [Column] = []
        for (i, column) in columns.enumerated() {
            let type = schema.fields[i].type
            if let only, !only.contains(i) {
                out.append(Column(repeating: .null, type: type, count: matches.count))
                continue
            }
            out.append(try build(column, type: type, matches))
        }
        return Table(schema: schema, columns: out, rowCount: matches.count)
    }

    private func isWalk(_ e: Int) -> Bool { pattern.edges[e].length != nil }

    private func build(_ column: GraphMatchColumn, type: ScalarType, _ m: GraphMatches) throws(KQLError) -> Column {
        let rows = 0..<m.count
        switch column {
        case .nodeProperty(let v, let p):
            return graph.nodes.columns[p].gather(rows.map { m.node($0, v) })
        case .edgeProperty(let e, let p) where !isWalk(e):
            return graph.edges.columns[p].gather(rows.map { m.edge($0, e) })
        case .edgeProperty(let e, let p):
            let c = graph.edges.columns[p]
            return Column(
                type: .dynamic,
                values: rows.map { r in .dynamic(.array(m.walk(r, e).edges.map { c.value($0).asDynamic })) })
        case .node(let v):
            return Column(type: .dynamic, values: rows.map { .dynamic(bag(graph.nodes, m.node($0, v))) })
        case .edge(let e) where !isWalk(e):
            return Column(type: .dynamic, values: rows.map { .dynamic(bag(graph.edges, m.edge($0, e))) })
        case .edge(let e):
            return Column(
                type: .dynamic,
                values: rows.map { r in .dynamic(.array(m.walk(r, e).edges.map { bag(graph.edges, $0) })) })
        case .degree(let v, let incoming):
            return Column(
                type: .long,
                int64s: rows.map { r in
                    Int64(incoming ? graph.degreeIn(m.node(r, v)) : graph.degreeOut(m.node(r, v)))
                })
        case .elementwise(let w):
            return try elementwise(w, m)
        }
    }

    /// A node's or edge's properties as a bag (null properties left out, as `pack_all` does by default).
    private func bag(_ table: Table, _ row: Int) -> Dynamic {
        var pairs: [(String, Dynamic)] = []
        for (k, field) in table.schema.fields.enumerated() {
            let v = table.columns[k].value(row)
            if !v.isNull { pairs.append((field.name, v.asDynamic)) }
        }
        return .bag(PropertyBag(pairs))
    }

    /// `map`, `all` or `any`: the expression over one table holding every element of every match's walk, then
    /// folded back to one value per match.
    private func elementwise(_ w: BoundGraphElementwise, _ m: GraphMatches) throws(KQLError) -> Column {
        var owners: [Int] = [], elements: [Int] = []
        for r in 0..<m.count {
            let walk = m.walk(r, w.edge)
            for x in w.innerNodes ? walk.inner : walk.edges { owners.append(r); elements.append(x) }
        }
        let table =
            w.innerNodes ? GraphMatchTable.nodeElements(graph, elements) : GraphMatchTable.edgeElements(graph, elements)
        let values = try evaluator.evaluate(w.expression, over: table)
        var folded = [[Dynamic]](repeating: [], count: m.count)
        var truth = [Bool](repeating: w.kind == .all, count: m.count)
        for (i, r) in owners.enumerated() {
            let v = values.value(i)
            switch w.kind {
            case .map: folded[r].append(v.asDynamic)
            case .all: if !GraphMatchTable.isTrue(v) { truth[r] = false }
            case .any: if GraphMatchTable.isTrue(v) { truth[r] = true }
            }
        }
        if w.kind == .map { return Column(type: .dynamic, values: folded.map { .dynamic(.array($0)) }) }
        return Column(bools: truth)
    }

    /// Edges as rows of their properties.
    static func edgeElements(_ g: Graph, _ edges: [Int]) -> Table {
        Table(schema: g.edges.schema, columns: g.edges.columns.map { $0.gather(edges) }, rowCount: edges.count)
    }

    /// Nodes as rows of their properties followed by their in- and out-degrees (``elementSchema``).
    static func nodeElements(_ g: Graph, _ nodes: [Int]) -> Table {
        var columns = g.nodes.columns.map { $0.gather(nodes) }
        columns.append(Column(type: .long, int64s: nodes.map { Int64(g.degreeIn($0)) }))
        columns.append(Column(type: .long, int64s: nodes.map { Int64(g.degreeOut($0)) }))
        return Table(schema: elementSchema(nodes: g.nodes.schema), columns: columns, rowCount: nodes.count)
    }

    /// The columns an inner node's expression sees: its properties, then `node_degree_in()` and `node_degree_out()`.
    static func elementSchema(nodes: Schema) -> Schema {
        Schema(nodes.fields + [Field(degreeInColumn, .long), Field(degreeOutColumn, .long)])
    }

    /// Names no query can write (they hold a space), for the degrees of an inner node.
    static let degreeInColumn = " node_degree_in", degreeOutColumn = " node_degree_out"

    static func isTrue(_ v: Value) -> Bool {
        if case .bool(true) = v { return true }
        if case .dynamic(.bool(true)) = v { return true }
        return false
    }

    /// Row `i` of a condition's value is true.
    static func truth(_ v: ColumnarValue, count: Int) -> [Bool] {
        (0..<count).map { isTrue(v.value($0)) }
    }
}
