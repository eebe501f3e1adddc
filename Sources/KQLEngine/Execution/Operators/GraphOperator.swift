import Columnar
import KQLSyntax

/// `make-graph … | graph-…`: builds a graph whose edges are the input rows (and whose nodes come from the
/// `with` tables), runs the graph operators after it, and returns the table the last one makes. With
/// `partitioned-by`, one graph per value of the partition column, each run the same way, their tables
/// concatenated in the order the values first appear in the edges.
struct GraphOperator {
    let bound: BoundGraphQuery
    /// The `with` nodes tables, run before the graph is built.
    let nodes: [PhysicalPlan]

    func execute(_ input: Table, _ executor: Executor) throws(KQLError) -> Table {
        let nodeTables = try nodes.map { (p: PhysicalPlan) throws(KQLError) -> Table in try executor.run(p) }
        let budget = executor.context.budget
        let runner = GraphQueryRunner(query: bound, evaluator: executor.evaluator, budget: budget)
        let build = bound.pipeline.build
        guard let partition = build.partition else {
            return try runner.run(try GraphBuilder.build(build, edges: input, nodeTables: nodeTables, budget: budget))
        }
        var parts: [Table] = []
        for (value, edgeRows) in GraphOperator.groups(input.columns[partition.edges]) {
            let nodeParts = nodeTables.enumerated().map { t, table in
                let key = table.columns[partition.nodes[t]]
                return table.gather((0..<table.rowCount).filter { Graph.key(key.value($0)) == value })
            }
            let graph = try GraphBuilder.build(
                build, edges: input.gather(edgeRows), nodeTables: nodeParts, budget: budget)
            parts.append(try runner.run(graph))
            try budget.checkDeadline()
        }
        return Table.concatenating(parts, schema: bound.schema)
    }

    /// Row numbers per distinct value of a column, values in order of first appearance.
    static func groups(_ column: Column) -> [(Value, [Int])] {
        var index: [Value: Int] = [:]
        var out: [(Value, [Int])] = []
        for r in 0..<column.count {
            let v = Graph.key(column.value(r))
            if let k = index[v] { out[k].1.append(r) } else { index[v] = out.count; out.append((v, [r])) }
        }
        return out
    }
}

extension GraphOperator: PhysicalOperator {
    var name: String { "make-graph" }
    var traits: OperatorTraits { [] }
}

extension Table {
    /// Tables of one schema, one after the other.
    static func concatenating(_ parts: [Table], schema: Schema) -> Table {
        let columns = schema.fields.indices.map { c in
            Column.concat(parts.map { $0.columns[c] }, type: schema.fields[c].type)
        }
        return Table(schema: schema, columns: columns, rowCount: parts.reduce(0) { $0 + $1.rowCount })
    }
}
