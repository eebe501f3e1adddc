import Columnar
import KQLSyntax

/// `graph-shortest-paths` over a pattern `(a)-[e*min..max]-(b)`: for each start node, a breadth-first search
/// by levels (walks of exactly k edges, k = 0, 1, ... max) that keeps every way each node was reached at each
/// level. At the first level k ≥ min where an end node is reached, the walks to it are the candidates; the
/// first (`output=any`) or all (`output=all`) of them that pass the rest of `where` are kept, and that end is
/// done. Walks may use only the edges and pass through only the nodes the `all()` conditions allow.
struct GraphShortestPaths {
    let graph: Graph
    let pattern: BoundGraphPattern
    let candidates: GraphCandidates
    let keepAll: Bool
    let budget: QueryBudget
    let operatorName = "graph-shortest-paths"

    /// The candidates of one level, and which of them pass the rest of `where` (given to `filter` as matches).
    func run(filter: (GraphMatches) throws(KQLError) -> [Bool]) throws(KQLError) -> GraphMatches {
        let edge = pattern.edges[0]
        var result = GraphMatches(nodeVariables: 2, edgeVariables: 1)
        var steps = 0
        for start in 0..<graph.nodeCount where candidates.nodes[edge.left]?[start] ?? true {
            try budget.checkDeadline()
            var done = Set<Int>()
            // reached[k][n]: the (edge, previous node) pairs by which walks of k edges reach n.
            var reached: [[Int: [(Int, Int)]]] = [[start: []]]
            var level = 0
            let length = edge.length ?? 1...1
            while level <= length.upperBound, !reached[level].isEmpty {
                if level >= length.lowerBound {
                    var batch = GraphMatches(nodeVariables: 2, edgeVariables: 1)
                    var ends: [Int] = []
                    for end in reached[level].keys.sorted()
                    where !done.contains(end) && (candidates.nodes[edge.right]?[end] ?? true) {
                        for walk in try walks(to: end, level: level, reached: reached, steps: &steps) {
                            batch.append(nodes: [start, end], edges: [0], walkOf: [walk])
                            ends.append(end)
                        }
                    }
                    let keep = try filter(batch)
                    var kept: [Int] = []
                    for (m, end) in ends.enumerated() where keep[m] {
                        if !keepAll, done.contains(end) { continue }
                        kept.append(m)
                        done.insert(end)
                    }
                    for m in kept {
                        guard result.count < GraphLimits.maxMatches else {
                            throw GraphLimits.tooManyMatches(operatorName, GraphLimits.maxMatches)
                        }
                        result.append(nodes: [start, batch.node(m, 1)], edges: [0], walkOf: [batch.walk(m, 0)])
                    }
                }
                guard level < length.upperBound else { break }
                var next: [Int: [(Int, Int)]] = [:]
                for node in reached[level].keys.sorted() {
                    // A node the walk goes on from becomes an inner node of it.
                    guard candidates.walkNodes[0]?[node] ?? true else { continue }
                    for (x, other) in GraphMatcher.neighbours(graph, node, edge.direction, forward: true) {
                        steps += 1
                        guard candidates.walkEdges[0]?[x] ?? true else { continue }
                        next[other, default: []].append((x, node))
                    }
                }
                guard steps < GraphLimits.maxSteps else {
                    throw GraphLimits.tooManySteps(operatorName, GraphLimits.maxSteps)
                }
                try budget.charge(count: next.count, bytesEach: 64, for: operatorName)
                reached.append(next)
                level += 1
            }
        }
        return result
    }

    /// The walks of exactly `level` edges from the start to `end`, read back through `reached` with an explicit
    /// stack (only the first one unless `output=all`).
    private func walks(to end: Int, level: Int, reached: [[Int: [(Int, Int)]]], steps: inout Int) throws(KQLError)
        -> [GraphMatches.Walk]
    {
        if level == 0 { return [GraphMatches.Walk(edges: [], inner: [])] }
        var out: [GraphMatches.Walk] = []
        // Built from the end backwards: edges[i] is the edge into the node at level `level - i`.
        var edges: [Int] = [], nodes = [end]
        var positions = [0]
        while let depth = positions.indices.last {
            let node = nodes[depth], k = level - depth
            let ways = reached[k][node] ?? []
            guard k > 0, positions[depth] < ways.count else {
                positions.removeLast(); nodes.removeLast()
                if !edges.isEmpty { edges.removeLast() }
                continue
            }
            let (x, previous) = ways[positions[depth]]
            positions[depth] += 1
            steps += 1
            guard steps < GraphLimits.maxSteps else {
                throw GraphLimits.tooManySteps(operatorName, GraphLimits.maxSteps)
            }
            if k == 1 {
                let walkEdges = Array((edges + [x]).reversed())
                let inner = Array(nodes.dropFirst().reversed())
                out.append(GraphMatches.Walk(edges: walkEdges, inner: inner))
                guard out.count < GraphLimits.maxMatches else {
                    throw GraphLimits.tooManyMatches(operatorName, GraphLimits.maxMatches)
                }
                continue
            }
            edges.append(x); nodes.append(previous); positions.append(0)
        }
        return out
    }
}
