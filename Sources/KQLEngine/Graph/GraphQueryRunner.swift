import Columnar
import KQLSyntax

/// Runs a graph expression over one graph: its steps (`graph-mark-components`), then the operator that makes
/// the table (`graph-match`, `graph-shortest-paths`, `graph-to-table`).
struct GraphQueryRunner {
    let query: BoundGraphQuery
    let evaluator: ExpressionEvaluator
    let budget: QueryBudget

    func run(_ graph: Graph) throws(KQLError) -> Table {
        var g = graph
        for step in query.pipeline.steps {
            switch step {
            case .markComponents(let strong, let property):
                let labels = strong ? GraphComponents.strong(g) : GraphComponents.weak(g)
                g = g.addingNodeProperty(property, Column(type: .long, int64s: labels.map(Int64.init)))
            }
        }
        switch query.output {
        case .toTable(let t): return toTable(t, g)
        case .match(let m): return try match(m, g)
        }
    }

    /// `graph-to-table`: the nodes or edges as rows of their properties, the requested id columns first.
    private func toTable(_ t: BoundGraphToTable, _ g: Graph) -> Table {
        var named: [(String, Column)] = []
        func hashes(_ nodes: [Int]) -> Column {
            Column(type: .long, int64s: nodes.map { Int64(bitPattern: HashFunction.hash(g.nodeIDs[$0]) ?? 0) })
        }
        if t.nodes {
            if let id = t.idColumn { named.append((id, hashes(Array(0..<g.nodeCount)))) }
            named += zip(g.nodes.schema.fields, g.nodes.columns).map { ($0.name, $1) }
        } else {
            if let id = t.idColumn { named.append((id, hashes(g.edgeSource))) }
            if let id = t.targetIdColumn { named.append((id, hashes(g.edgeTarget))) }
            named += zip(g.edges.schema.fields, g.edges.columns).map { ($0.name, $1) }
        }
        return Table(schema: query.schema, columns: named.map(\.1), rowCount: t.nodes ? g.nodeCount : g.edgeCount)
    }

    /// `graph-match` / `graph-shortest-paths`: candidates from the one-variable conditions, the search, then
    /// the rest of `where` and `project` over the match table.
    private func match(_ m: BoundGraphMatch, _ g: Graph) throws(KQLError) -> Table {
        let table = GraphMatchTable(
            graph: g, pattern: m.pattern, columns: m.columns, schema: m.matchSchema, evaluator: evaluator)
        let candidates = try self.candidates(m, g, table)
        var matches: GraphMatches
        if let sp = m.shortestPaths {
            let search = GraphShortestPaths(
                graph: g, pattern: m.pattern, candidates: candidates, keepAll: sp.all, budget: budget)
            matches = try search.run { (batch: GraphMatches) throws(KQLError) -> [Bool] in
                guard let residual = m.residual else { return [Bool](repeating: true, count: batch.count) }
                return GraphMatchTable.truth(
                    try evaluator.evaluate(residual, over: try table.build(batch)), count: batch.count)
            }
        } else {
            matches = try GraphMatcher(
                graph: g, pattern: m.pattern, cycles: m.cycles, candidates: candidates, budget: budget,
                operatorName: "graph-match"
            ).run()
            if let residual = m.residual {
                let keep = GraphMatchTable.truth(
                    try evaluator.evaluate(residual, over: try table.build(matches)), count: matches.count)
                matches = matches.selecting(keep.indices.filter { keep[$0] })
            }
        }
        try budget.charge(count: matches.count, bytesEach: 16 * max(1, m.columns.count), for: "graph-match")
        let rows = try table.build(matches)
        var columns: [Column] = []
        for item in m.projection {
            columns.append(try evaluator.evaluate(item.value, over: rows).column(count: rows.rowCount))
        }
        return Table(schema: query.schema, columns: columns, rowCount: rows.rowCount)
    }

    /// The nodes and edges each variable may take, from the conditions on one variable alone.
    private func candidates(_ m: BoundGraphMatch, _ g: Graph, _ table: GraphMatchTable) throws(KQLError)
        -> GraphCandidates
    {
        let nv = m.pattern.nodeNames.count, ev = m.pattern.edges.count
        var c = GraphCandidates(
            nodes: Array(repeating: nil, count: nv), edges: Array(repeating: nil, count: ev),
            walkEdges: Array(repeating: nil, count: ev), walkNodes: Array(repeating: nil, count: ev))
        func and(_ mask: [Bool]?, _ more: [Bool]) -> [Bool] { mask.map { zip($0, more).map { $0 && $1 } } ?? more }
        func columns(_ e: BoundExpression) -> Set<Int> { var s = Set<Int>(); e.collectColumns(into: &s); return s }
        if !m.nodeFilters.isEmpty {
            let all = GraphMatches.each(g.nodeCount, nodes: true, nodeVariables: nv, edgeVariables: ev)
            for (v, p) in m.nodeFilters {
                let t = try table.build(all, only: columns(p))
                c.nodes[v] = and(
                    c.nodes[v], GraphMatchTable.truth(try evaluator.evaluate(p, over: t), count: g.nodeCount))
            }
        }
        if !m.edgeFilters.isEmpty {
            let all = GraphMatches.each(g.edgeCount, nodes: false, nodeVariables: nv, edgeVariables: ev)
            for (e, p) in m.edgeFilters {
                let t = try table.build(all, only: columns(p))
                c.edges[e] = and(
                    c.edges[e], GraphMatchTable.truth(try evaluator.evaluate(p, over: t), count: g.edgeCount))
            }
        }
        for (e, p) in m.pathEdgeFilters {
            let t = GraphMatchTable.edgeElements(g, Array(0..<g.edgeCount))
            c.walkEdges[e] = and(
                c.walkEdges[e], GraphMatchTable.truth(try evaluator.evaluate(p, over: t), count: g.edgeCount))
        }
        for (e, p) in m.pathNodeFilters {
            let t = GraphMatchTable.nodeElements(g, Array(0..<g.nodeCount))
            c.walkNodes[e] = and(
                c.walkNodes[e], GraphMatchTable.truth(try evaluator.evaluate(p, over: t), count: g.nodeCount))
        }
        return c
    }
}
